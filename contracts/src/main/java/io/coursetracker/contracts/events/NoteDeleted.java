package io.coursetracker.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A learner deleted a note; it no longer counts towards progress or streaks. */
public record NoteDeleted(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String learnerId,
        String notePath,
        long revision) implements NoteEvent {

    public static final int SCHEMA_VERSION = 1;

    public NoteDeleted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(notePath, "notePath");
    }
}
