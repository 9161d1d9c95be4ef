package io.coursetracker.progress.streaks;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;

/** A calendar day with at least one live daily note of the learner, summed over its notes. */
@Entity
@Table(name = "study_day")
public class StudyDayRow {
    @EmbeddedId
    public Key key;
    public int notes;
    @Column(name = "active_notes")
    public int activeNotes;
    @Column(name = "tasks_done")
    public int tasksDone;

    public StudyDay toStudyDay() {
        return new StudyDay(key.studyDate(), activeNotes > 0, tasksDone);
    }

    @Embeddable
    public record Key(@Column(name = "learner_id") String learnerId,
                      @Column(name = "study_date") LocalDate studyDate) implements Serializable {
    }
}
