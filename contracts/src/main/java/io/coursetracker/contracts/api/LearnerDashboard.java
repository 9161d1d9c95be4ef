package io.coursetracker.contracts.api;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /v1/learners/{id}/dashboard?asOf=}: the learner's progress, streak, the calendar of
 * the 30 days up to {@code asOf} and every question (each says whether it is answered), in one read.
 */
public record LearnerDashboard(
        String learner,
        LocalDate asOf,
        LearnerProgress progress,
        LearnerStreak streak,
        List<CalendarEntry> calendar,
        List<LearnerQuestion> questions) {
    public LearnerDashboard {
        calendar = List.copyOf(calendar);
        questions = List.copyOf(questions);
    }
}
