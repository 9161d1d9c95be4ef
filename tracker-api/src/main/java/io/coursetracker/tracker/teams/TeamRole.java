package io.coursetracker.tracker.teams;

import io.coursetracker.support.security.Caller;

import java.util.Locale;
import java.util.Optional;

/** What a caller is to a team; who may do what follows from it (SPEC sections 4 and 5). */
public enum TeamRole {
    ADMIN, OWNER, MEMBER, INVITED, NONE;

    /** The caller's role; an owner who was also added as a member is the owner. */
    static TeamRole of(Caller caller, Team team, Optional<TeamMembership> membership) {
        if (caller.isAdmin()) {
            return ADMIN;
        }
        Caller.Learner learner = (Caller.Learner) caller;
        if (team.ownerId.equals(learner.learnerId())) {
            return OWNER;
        }
        return membership.map(m -> m.isMember() ? MEMBER : INVITED).orElse(NONE);
    }

    /** The team's view and dashboard: its members, its owner and an admin. */
    boolean readsDashboard() {
        return this == ADMIN || this == OWNER || this == MEMBER;
    }

    /** Sees who is invited: an admin and the owner. */
    boolean seesInvitations() {
        return this == ADMIN || this == OWNER;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
