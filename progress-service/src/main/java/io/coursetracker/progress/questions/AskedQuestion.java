package io.coursetracker.progress.questions;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One question as it appears in one note: a top-level item under the note's questions heading,
 * with its nested items as sub-questions. {@code date} is the note's study date, null for a note
 * that is not a daily note.
 */
public record AskedQuestion(String notePath, LocalDate date, String text, boolean answered, List<String> subQuestions) {
    public AskedQuestion {
        Objects.requireNonNull(notePath, "notePath");
        Objects.requireNonNull(text, "text");
        subQuestions = subQuestions == null ? List.of() : List.copyOf(subQuestions);
    }
}
