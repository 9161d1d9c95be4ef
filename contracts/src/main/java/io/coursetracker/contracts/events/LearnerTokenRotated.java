package io.coursetracker.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A learner's token was replaced ({@code POST /v1/learners/{id}/token}). Carries the learner's whole
 * state, with the hash of the new token: the learners topic is compacted, so this record may be the
 * only one left for the learner. A consumer that knew the learner by the previous hash must forget it.
 */
public record LearnerTokenRotated(
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

    public LearnerTokenRotated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(tokenSha256, "tokenSha256");
        courses = List.copyOf(courses);
    }
}
