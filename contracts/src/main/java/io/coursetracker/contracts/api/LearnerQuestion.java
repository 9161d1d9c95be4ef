package io.coursetracker.contracts.api;

import java.time.LocalDate;
import java.util.List;

/**
 * One question of {@code GET /v1/learners/{id}/questions}: asked once or repeated in later notes,
 * dated by (and pointing to) the first note that asked it, answered if any note checked it.
 */
public record LearnerQuestion(String text, LocalDate date, String notePath, boolean answered, List<String> subQuestions) {
    public LearnerQuestion {
        subQuestions = List.copyOf(subQuestions);
    }
}
