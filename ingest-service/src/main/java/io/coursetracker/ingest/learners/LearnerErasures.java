package io.coursetracker.ingest.learners;

import io.coursetracker.contracts.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Erased learners in ingest-service. Both erasing and storing an edit take the learner's advisory
 * lock first, so an edit that passed the token check just before the tombstone arrived either commits
 * before the erasure (and is deleted by it) or sees the id in {@code erased_learner} and stores nothing.
 */
@ApplicationScoped
public class LearnerErasures {
    private static final Logger LOG = Logger.getLogger(LearnerErasures.class);
    private static final int LEARNER_LOCKS = 1;

    private final EntityManager entityManager;

    public LearnerErasures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Holds the learner's lock until the transaction ends and tells whether the learner was erased.
     * Call it inside the transaction that stores an edit, before anything is written.
     */
    public boolean lockAndCheckErased(String learnerId) {
        // Plain JDBC on the transaction's connection: every edit runs these two statements, and
        // Hibernate's native-query machinery cost more CPU than the statements (async-profiler, 200 edits/s).
        // Two statements, not one: a statement's snapshot is taken before it waits for the lock, so
        // only a second statement sees an erasure committed while this one waited.
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
                lock.setInt(1, LEARNER_LOCKS);
                lock.setString(2, learnerId);
                lock.executeQuery().close();
            }
            try (PreparedStatement erased = connection.prepareStatement("SELECT 1 FROM erased_learner WHERE learner_id = ?")) {
                erased.setString(1, learnerId);
                try (ResultSet row = erased.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** Deletes every note head and revision of the learner and their events still in the outbox; idempotent. */
    @Transactional
    public void erase(String learnerId) {
        lockAndCheckErased(learnerId);
        entityManager.createNativeQuery(
                        "INSERT INTO erased_learner (learner_id, erased_at) VALUES (?1, now()) ON CONFLICT DO NOTHING")
                .setParameter(1, learnerId).executeUpdate();
        int revisions = entityManager.createNativeQuery("DELETE FROM note_revision WHERE learner_id = ?1")
                .setParameter(1, learnerId).executeUpdate();
        int heads = entityManager.createNativeQuery("DELETE FROM note_head WHERE learner_id = ?1")
                .setParameter(1, learnerId).executeUpdate();
        int queued = entityManager.createNativeQuery("DELETE FROM outbox WHERE topic = ?1 AND message_key = ?2")
                .setParameter(1, Topics.NOTES).setParameter(2, learnerId).executeUpdate();
        LOG.infof("learner %s erased: %d notes, %d revisions, %d queued events deleted", learnerId, heads, revisions, queued);
    }
}
