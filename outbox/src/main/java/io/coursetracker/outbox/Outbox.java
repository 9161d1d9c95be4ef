package io.coursetracker.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox table: events are added inside the caller's transaction and removed once Kafka has them.
 *
 * <p>Messages added in one transaction are written together, with one JDBC batch just before that
 * transaction commits, rather than one insert per message: a vault of a hundred notes, or a batch of
 * a hundred applied events, costs one round trip here instead of a hundred (the table's identity key
 * stops Hibernate from batching the inserts itself). They are still written inside the transaction,
 * in the order they were added, so they commit or roll back with the change they describe.
 */
@ApplicationScoped
public class Outbox {
    /** Where a transaction's pending messages are kept, in the transaction's own resources. */
    private static final Object PENDING = new Object();

    private final ObjectMapper json;
    private final Event<MessageAdded> messageAdded;
    private final TransactionSynchronizationRegistry transactions;
    private final AgroalDataSource dataSource;

    public Outbox(ObjectMapper json, Event<MessageAdded> messageAdded, TransactionSynchronizationRegistry transactions,
                  AgroalDataSource dataSource) {
        this.json = json;
        this.messageAdded = messageAdded;
        this.transactions = transactions;
        this.dataSource = dataSource;
    }

    /** Fired in the writing transaction; the relay observes it once that transaction has committed. */
    public record MessageAdded() {
    }

    private record Pending(String topic, String key, String payload, Instant createdAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, String key, Object event) {
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event could not be serialized", e);
        }
        pendingInThisTransaction().add(new Pending(topic, key, payload, Instant.now()));
    }

    /** The current transaction's list, created (and its write before commit registered) on first use. */
    @SuppressWarnings("unchecked")
    private List<Pending> pendingInThisTransaction() {
        List<Pending> pending = (List<Pending>) transactions.getResource(PENDING);
        if (pending == null) {
            List<Pending> created = new ArrayList<>();
            transactions.putResource(PENDING, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    write(created);
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing: on rollback the list is dropped with the transaction
                }
            });
            messageAdded.fire(new MessageAdded());
            pending = created;
        }
        return pending;
    }

    /**
     * Writes the messages in one batch. Inside a transaction Agroal hands out the connection already
     * enlisted in it, so these rows commit (or roll back) with everything else the transaction wrote;
     * a failure here rolls the whole transaction back.
     */
    private void write(List<Pending> pending) {
        if (pending.isEmpty() || transactions.getRollbackOnly()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO outbox (topic, message_key, payload, created_at) VALUES (?, ?, ?, ?)")) {
            for (Pending message : pending) {
                insert.setString(1, message.topic());
                insert.setString(2, message.key());
                insert.setString(3, message.payload());
                insert.setObject(4, message.createdAt().atOffset(ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new OutboxWriteFailed(e);
        }
    }

    /** Thrown before commit when the outbox rows could not be written; the transaction rolls back. */
    public static final class OutboxWriteFailed extends RuntimeException {
        OutboxWriteFailed(SQLException cause) {
            super("the outbox rows could not be written: " + cause.getMessage(), cause);
        }
    }

    /*
     * The relay's statements below, like write(), go to the transaction's enlisted connection as plain
     * JDBC: the relay runs them after every committed edit, and through Hibernate's query path each
     * cost more CPU than the send to Kafka (profiled: a third of ingest-service's CPU at 50 edits/s).
     */

    /**
     * Takes the relay lock for the current transaction and reads the oldest waiting messages, in the
     * order they were accepted; empty when another replica holds the lock. With several replicas only
     * one relays at a time, which keeps each learner's events in that order. Each service has its own
     * database, so one lock number serves all of them. The lock is an uncorrelated subquery, which
     * PostgreSQL runs once, before reading any row: one round trip for both.
     */
    List<OutboxMessage> lockAndReadOldest(int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, topic, message_key, payload FROM outbox WHERE (SELECT pg_try_advisory_xact_lock(7201)) ORDER BY id LIMIT ?")) {
            select.setInt(1, limit);
            List<OutboxMessage> oldest = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    oldest.add(new OutboxMessage(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            return oldest;
        } catch (SQLException e) {
            throw new IllegalStateException("the outbox could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Removes exactly the relayed messages. Never "every id up to the last one": ids are taken at
     * insert but become visible at commit, so a transaction that took a lower id can commit after the
     * batch was read, and its message must still be relayed (the fault suite and the ingest benchmark both lost edits that way).
     */
    void remove(List<Long> relayedIds) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", relayedIds.toArray()));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("relayed messages could not be removed from the outbox: " + e.getMessage(), e);
        }
    }
}
