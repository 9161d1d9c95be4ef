package io.coursetracker.support.security;

/** Who sent a request: the admin, or one learner. */
public sealed interface Caller {
    record Admin() implements Caller {
    }

    record Learner(String learnerId) implements Caller {
    }

    default boolean isAdmin() {
        return this instanceof Admin;
    }

    /** The admin, or the learner themself. */
    default boolean mayActFor(String learnerId) {
        return isAdmin() || (this instanceof Learner learner && learner.learnerId().equals(learnerId));
    }
}
