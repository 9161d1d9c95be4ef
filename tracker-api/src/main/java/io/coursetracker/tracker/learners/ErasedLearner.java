package io.coursetracker.tracker.learners;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An erased learner's id and when; nothing else is kept. The id is never given out again. */
@Entity
@Table(name = "erased_learner")
public class ErasedLearner {
    @Id
    @Column(name = "learner_id")
    public String learnerId;
    @Column(name = "erased_at")
    public Instant erasedAt;
}
