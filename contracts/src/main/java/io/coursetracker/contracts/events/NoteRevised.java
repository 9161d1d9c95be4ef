package io.coursetracker.contracts.events;

import io.coursetracker.contracts.note.Note;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A learner saved a note and ingest-service accepted it as a new revision. */
public record NoteRevised(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String learnerId,
        String notePath,
        long revision,
        String contentSha256,
        Note note) implements NoteEvent {

    public static final int SCHEMA_VERSION = 1;

    public NoteRevised {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(notePath, "notePath");
        Objects.requireNonNull(note, "note");
    }
}
