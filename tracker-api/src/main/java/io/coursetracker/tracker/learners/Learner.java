package io.coursetracker.tracker.learners;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "learner")
public class Learner {
    @Id
    @Column(name = "learner_id")
    public String learnerId;
    @Column(name = "display_name")
    public String displayName;
    public String timezone;
    /** JSON array of course ids. */
    public String courses;
    @Column(name = "rest_days_per_week")
    public int restDaysPerWeek;
    @Column(name = "token_sha256")
    public String tokenSha256;
    @Column(name = "created_at")
    public Instant createdAt;
}
