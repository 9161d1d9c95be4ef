package io.coursetracker.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** All four activities of a lesson are now done, by the notes as they are now. */
public record LessonCompleted(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String learnerId,
        String course,
        int lesson) implements ProgressEvent {

    public static final int SCHEMA_VERSION = 1;

    public LessonCompleted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(course, "course");
    }
}
