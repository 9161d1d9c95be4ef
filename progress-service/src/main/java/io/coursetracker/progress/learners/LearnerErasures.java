package io.coursetracker.progress.learners;

import io.coursetracker.contracts.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Erased learners: everything progress-service derived from their notes is deleted, and their id is
 * remembered so that a note or learner event still on its way is ignored instead of creating data
 * again. Runs under the same locks as applying a note ({@link LearnerLocks}), so a note applied at
 * the same moment either commits first (and is deleted) or sees the id and changes nothing.
 */
@ApplicationScoped
public class LearnerErasures {
    private static final Logger LOG = Logger.getLogger(LearnerErasures.class);
    private static final String[] TABLES = {"lesson_mention", "note_question", "study_day", "note", "learner"};

    private final EntityManager entityManager;
    private final LearnerLocks locks;

    public LearnerErasures(EntityManager entityManager, LearnerLocks locks) {
        this.entityManager = entityManager;
        this.locks = locks;
    }

    /** Call with the learner's lock held (in the transaction that would change the learner's data). */
    public boolean isErased(String learnerId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM erased_learner WHERE learner_id = ?1")
                .setParameter(1, learnerId)
                .getResultList().isEmpty();
    }

    /** Deletes the learner's settings, notes, mentions, study days, questions and queued progress events; idempotent. */
    @Transactional
    public void erase(String learnerId) {
        locks.settingsAndCatalogs();
        locks.learner(learnerId);
        entityManager.createNativeQuery(
                        "INSERT INTO erased_learner (learner_id, erased_at) VALUES (?1, now()) ON CONFLICT DO NOTHING")
                .setParameter(1, learnerId).executeUpdate();
        int rows = 0;
        for (String table : TABLES) {
            rows += entityManager.createNativeQuery("DELETE FROM " + table + " WHERE learner_id = ?1")
                    .setParameter(1, learnerId).executeUpdate();
        }
        rows += entityManager.createNativeQuery("DELETE FROM outbox WHERE topic = ?1 AND message_key = ?2")
                .setParameter(1, Topics.PROGRESS).setParameter(2, learnerId).executeUpdate();
        LOG.infof("learner %s erased: %d rows deleted", learnerId, rows);
    }
}
