package io.coursetracker.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An admin created a learner. Carries the SHA-256 of the learner's token (never the token) so
 * that every service can check it without asking tracker-api.
 */
public record LearnerRegistered(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String learnerId,
        String displayName,
        String timezone,
        List<String> courses,
        int restDaysPerWeek,
        String tokenSha256) implements LearnerEvent {

    public static final int SCHEMA_VERSION = 1;

    public LearnerRegistered {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(tokenSha256, "tokenSha256");
        courses = List.copyOf(courses);
    }
}
