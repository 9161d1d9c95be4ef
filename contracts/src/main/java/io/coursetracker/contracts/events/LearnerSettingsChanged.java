package io.coursetracker.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A learner's settings changed ({@code PATCH /v1/learners/{id}}). Carries the learner's whole state
 * after the change, the token hash included: the learners topic is compacted, so this record may be
 * the only one left for the learner.
 */
public record LearnerSettingsChanged(
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

    public LearnerSettingsChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(tokenSha256, "tokenSha256");
        courses = List.copyOf(courses);
    }
}
