package io.coursetracker.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.List;

/** The outbox table: events are added inside the caller's transaction and removed once Kafka has them. */
@ApplicationScoped
public class Outbox implements PanacheRepository<OutboxMessage> {
    private final ObjectMapper json;
    private final Event<MessageAdded> messageAdded;

    public Outbox(ObjectMapper json, Event<MessageAdded> messageAdded) {
        this.json = json;
        this.messageAdded = messageAdded;
    }

    /** Fired in the writing transaction; the relay observes it once that transaction has committed. */
    public record MessageAdded() {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, String key, Object event) {
        try {
            persist(OutboxMessage.of(topic, key, json.writeValueAsString(event)));
            messageAdded.fire(new MessageAdded());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event could not be serialized", e);
        }
    }

    /** The oldest waiting messages, in the order they were accepted. */
    List<OutboxMessage> oldest(int limit) {
        return find("ORDER BY id").page(0, limit).list();
    }

    /**
     * Takes the relay lock for the current transaction: with several replicas only one relays at a
     * time, which keeps each learner's events in the order they were accepted. Each service has
     * its own database, so one lock number serves all of them.
     */
    boolean tryRelayLock() {
        Object locked = getEntityManager()
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(7201)")
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    /**
     * Removes exactly the relayed messages. Never "every id up to the last one": ids are taken at
     * insert but become visible at commit, so a transaction that took a lower id can commit after the
     * batch was read, and its message must still be relayed (the fault suite and the ingest benchmark both lost edits that way).
     */
    void remove(List<Long> relayedIds) {
        delete("id in ?1", relayedIds);
    }
}
