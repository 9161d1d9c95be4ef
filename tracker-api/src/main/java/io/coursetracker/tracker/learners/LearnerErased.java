package io.coursetracker.tracker.learners;

/**
 * Fired (CDI, synchronously) inside the transaction that erases a learner, before the tombstone is
 * published. Every tracker-api table that holds rows about a learner observes it and deletes them
 * ({@code @Observes LearnerErased}): team memberships and invitations must. An observer that throws
 * rolls the erasure back, and nothing is published.
 */
public record LearnerErased(String learnerId) {
}
