package io.coursetracker.contracts.note;

import java.util.List;

/** A top-level item under a questions heading; nested items are its sub-questions. */
public record Question(String text, boolean answered, List<String> subQuestions) {
    public Question {
        subQuestions = List.copyOf(subQuestions);
    }
}
