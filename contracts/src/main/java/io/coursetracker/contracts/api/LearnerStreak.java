package io.coursetracker.contracts.api;

import java.time.LocalDate;

/**
 * {@code GET /v1/learners/{id}/streak?asOf=}. Dates are days in the learner's time zone; the
 * nullable ones are null when the learner has no active day up to {@code asOf}.
 *
 * @param brokenOn while {@code current} is 0: the first missed day that ended the last run, so a
 *                 learner knows why; null while the streak is alive
 */
public record LearnerStreak(
        LocalDate asOf,
        int current,
        int longest,
        LocalDate longestStart,
        LocalDate longestEnd,
        LocalDate lastActiveDay,
        boolean activeToday,
        LocalDate brokenOn,
        int restDaysPerWeek) {
}
