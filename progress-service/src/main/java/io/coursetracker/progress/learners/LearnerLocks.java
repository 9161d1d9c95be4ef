package io.coursetracker.progress.learners;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * PostgreSQL advisory locks, held until the transaction ends, that keep the three consumers from
 * missing each other's work. Without them a note applied while the learner's courses (or a catalog)
 * change is resolved against the old courses, and the re-resolution does not see the note yet, since
 * neither transaction has committed. With them, whichever runs second sees what the first committed.
 *
 * <p>Order, always: {@link #settingsAndCatalogs()} before {@link #learner(String)}, and learners by id.
 * Locks live in the database, so they hold across replicas.
 */
@ApplicationScoped
public class LearnerLocks {
    private static final int LEARNER = 1;
    private static final int SETTINGS_AND_CATALOGS = 2;

    private final EntityManager entityManager;

    public LearnerLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Serializes the work on one learner's notes and mentions. */
    public void learner(String learnerId) {
        lock(LEARNER, learnerId);
    }

    /** Serializes changes of learners' courses with changes of catalogs: both decide who is resolved again. */
    public void settingsAndCatalogs() {
        lock(SETTINGS_AND_CATALOGS, "");
    }

    private void lock(int namespace, String key) {
        entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, namespace)
                .setParameter(2, key)
                .getSingleResult();
    }
}
