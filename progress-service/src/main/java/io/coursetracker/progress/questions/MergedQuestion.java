package io.coursetracker.progress.questions;

import java.time.LocalDate;
import java.util.List;

/**
 * A question the learner asked, however many notes repeat it: worded, dated and placed as in its
 * first note, answered if any note checks it. The shape of one item of the questions call.
 */
public record MergedQuestion(String text, LocalDate date, String notePath, boolean answered, List<String> subQuestions) {
    public MergedQuestion {
        subQuestions = List.copyOf(subQuestions);
    }
}
