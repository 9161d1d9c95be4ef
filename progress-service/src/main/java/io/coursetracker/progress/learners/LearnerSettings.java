package io.coursetracker.progress.learners;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A learner's settings as progress-service knows them from the learners topic. */
@Entity
@Table(name = "learner")
public class LearnerSettings {
    @Id
    @Column(name = "learner_id")
    public String learnerId;
    public String timezone;
    /** JSON array of course ids. */
    public String courses;
    @Column(name = "rest_days_per_week")
    public int restDaysPerWeek;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
