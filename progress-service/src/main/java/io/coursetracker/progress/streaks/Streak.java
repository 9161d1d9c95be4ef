package io.coursetracker.progress.streaks;

import java.time.LocalDate;

/**
 * A learner's streak as of one day; see {@link StreakRules#streak}. The dates are null when the
 * learner has no active day on or before that day.
 *
 * @param current        active days in the run that is still alive at asOf (0 if none)
 * @param longest        active days in the longest run up to asOf
 * @param longestStart   first active day of that run
 * @param longestEnd     last active day of that run
 * @param lastActiveDay  latest active day on or before asOf
 * @param activeToday    whether asOf itself is active
 * @param brokenOn       when current is 0 after earlier activity: the first missed day the rest
 *                       allowance could not cover, which ended the last run; otherwise null
 */
public record Streak(int current, int longest, LocalDate longestStart, LocalDate longestEnd,
                     LocalDate lastActiveDay, boolean activeToday, LocalDate brokenOn) {

    /** The streak of a learner without any active day. */
    public static final Streak NONE = new Streak(0, 0, null, null, null, false, null);
}
