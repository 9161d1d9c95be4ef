package io.coursetracker.progress.questions;

import io.coursetracker.contracts.api.LearnerQuestion;
import io.coursetracker.support.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;

/** The learner's questions, merged across notes by {@link QuestionBook}. */
@ApplicationScoped
public class LearnerQuestions {
    private final NoteQuestionRepository questions;

    public LearnerQuestions(NoteQuestionRepository questions) {
        this.questions = questions;
    }

    /** Which questions a read asks for. */
    public enum Status {
        OPEN, ANSWERED, ALL;

        public static Status parse(String value) {
            if (value == null || value.isBlank()) {
                return ALL;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("invalid status", "status must be open, answered or all");
            }
        }

        boolean admits(MergedQuestion question) {
            return this == ALL || (this == ANSWERED) == question.answered();
        }
    }

    public List<LearnerQuestion> of(String learnerId, Status status) {
        return QuestionBook.merge(questions.askedBy(learnerId)).stream()
                .filter(status::admits)
                .map(question -> new LearnerQuestion(question.text(), question.date(), question.notePath(), question.answered(), question.subQuestions()))
                .toList();
    }
}
