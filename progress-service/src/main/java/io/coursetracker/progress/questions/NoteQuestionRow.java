package io.coursetracker.progress.questions;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;

/** One question as a live note asks it. */
@Entity
@Table(name = "note_question")
public class NoteQuestionRow {
    @EmbeddedId
    public Key key;
    @Column(name = "study_date")
    public LocalDate studyDate;
    public String text;
    public boolean answered;
    /** JSON array of the sub-questions' texts. */
    @Column(name = "sub_questions")
    public String subQuestions;

    @Embeddable
    public record Key(@Column(name = "learner_id") String learnerId,
                      @Column(name = "note_path") String notePath,
                      int position) implements Serializable {
    }
}
