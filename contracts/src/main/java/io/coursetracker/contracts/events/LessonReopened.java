package io.coursetracker.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A completed lesson is no longer complete: a note was edited or deleted so that one of its
 * activities is not done any more.
 *
 * @param completion the lesson's completion now, 0..1 (done activities / 4)
 */
public record LessonReopened(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String learnerId,
        String course,
        int lesson,
        double completion) implements ProgressEvent {

    public static final int SCHEMA_VERSION = 1;

    public LessonReopened {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(course, "course");
    }
}
