package io.coursetracker.ingest.notes;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** The latest revision of one note. */
@Entity
@Table(name = "note_head")
public class NoteHead {
    @EmbeddedId
    public NoteKey key;
    public long revision;
    @Column(name = "content_sha256")
    public String contentSha256;
    public boolean deleted;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Embeddable
    public record NoteKey(@Column(name = "learner_id") String learnerId,
                          @Column(name = "note_path") String notePath) implements Serializable {
    }
}
