package io.coursetracker.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * progress-service applied a revision or delete of a note: the learner's dashboard may look
 * different now. Live pages refresh on it; the other progress events say what exactly changed.
 *
 * @param studyDate the note's study date after the change (null: not a daily note, or deleted)
 */
public record NoteApplied(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String learnerId,
        String notePath,
        long revision,
        boolean deleted,
        LocalDate studyDate) implements ProgressEvent {

    public static final int SCHEMA_VERSION = 1;

    public NoteApplied {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(notePath, "notePath");
    }
}
