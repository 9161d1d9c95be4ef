package io.coursetracker.tracker.learners;

/**
 * Fired (CDI, synchronously) inside the transaction that rotates a learner's token. What was
 * granted on the old token observes it and ends: the web page's sessions signed in with it.
 */
public record LearnerTokenReplaced(String learnerId) {
}
