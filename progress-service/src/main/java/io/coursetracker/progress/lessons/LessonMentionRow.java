package io.coursetracker.progress.lessons;

import io.coursetracker.contracts.note.Activity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One lesson activity that a task of a live note mentions, and whether that task is checked. */
@Entity
@Table(name = "lesson_mention")
public class LessonMentionRow {
    // A pooled sequence rather than IDENTITY: Hibernate cannot batch inserts whose id the insert itself
    // returns. V7 sets the bigserial's sequence to step by the allocation size.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lesson_mention_id")
    @SequenceGenerator(name = "lesson_mention_id", sequenceName = "lesson_mention_id_seq", allocationSize = 50)
    public Long id;
    @Column(name = "learner_id")
    public String learnerId;
    @Column(name = "note_path")
    public String notePath;
    @Column(name = "course_id")
    public String courseId;
    public int lesson;
    /** Wire name of the activity, or null when the task names the lesson without one. */
    public String activity;
    public boolean done;

    public LessonKey lessonKey() {
        return new LessonKey(courseId, lesson);
    }

    public ActivityMention toActivityMention() {
        return new ActivityMention(courseId, lesson, Activity.fromWireName(activity), done);
    }
}
