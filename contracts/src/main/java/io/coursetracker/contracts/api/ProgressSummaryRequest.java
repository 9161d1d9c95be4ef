package io.coursetracker.contracts.api;

import java.util.List;

/**
 * Body of progress-service's internal {@code POST /v1/summaries} (admin token only): what tracker-api
 * needs to build a team dashboard, for many learners in one call.
 *
 * @param learners the learners to summarize (at most {@link #MAX_LEARNERS})
 * @param course   the course whose lessons count (the team's course)
 * @param asOf     the day the streaks, activity and questions are read at ({@code YYYY-MM-DD}); required
 * @param days     how many days up to {@code asOf} {@code activeDays} covers; default 30, at most 366
 */
public record ProgressSummaryRequest(List<String> learners, String course, String asOf, Integer days) {
    public static final int MAX_LEARNERS = 500;
    public static final int DEFAULT_DAYS = 30;
}
