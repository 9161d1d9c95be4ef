package io.coursetracker.ingest.notes;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One accepted edit ({@code content} set) or delete ({@code content} null) of a note. */
@Entity
@Table(name = "note_revision")
public class NoteRevision {
    @EmbeddedId
    public RevisionKey key;
    @Column(name = "event_id")
    public UUID eventId;
    public byte[] content;
    @Column(name = "content_sha256")
    public String contentSha256;
    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Embeddable
    public record RevisionKey(@Column(name = "learner_id") String learnerId,
                              @Column(name = "note_path") String notePath,
                              long revision) implements Serializable {
    }
}
