package io.coursetracker.progress.notes;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** The latest applied revision of a note. */
@Entity
@Table(name = "note")
public class StoredNote {
    @EmbeddedId
    public Key key;
    public long revision;
    public boolean deleted;
    @Column(name = "study_date")
    public LocalDate studyDate;
    public boolean active;
    @Column(name = "tasks_done")
    public int tasksDone;
    /** The note object as JSON; null once deleted. */
    public String body;
    @Column(name = "applied_at")
    public Instant appliedAt;
    /** Revisions of this note applied so far (duplicates and replays never count): for audits. */
    @Column(name = "applied_revisions")
    public int appliedRevisions;

    @Embeddable
    public record Key(@Column(name = "learner_id") String learnerId,
                      @Column(name = "note_path") String notePath) implements Serializable {
    }
}
