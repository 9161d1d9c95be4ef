package io.coursetracker.progress.streaks;

import io.coursetracker.contracts.api.DayState;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Streaks and the study calendar (SPEC section 3): pure functions of a learner's study days, their
 * rest allowance and the day asked about. docs/streak-rules.md has the rules with a worked example.
 *
 * <ul>
 *   <li>Only days on or before {@code asOf} count: a note dated later never changes the answer.</li>
 *   <li>A <em>run</em> is a sequence of active days whose gaps are all covered by rest days. Its
 *   length counts active days only.</li>
 *   <li>Rest days: walking forward in date order, a missed day (no note, or a note without
 *   activity) between two active days, or between the last active day and {@code asOf} (exclusive:
 *   {@code asOf} is not over), is a rest day if fewer than {@code restDaysPerWeek} rest days were
 *   already used in its ISO week (Monday to Sunday). If any day of a gap cannot be covered, the
 *   whole gap breaks the run: none of its days is a rest day and they use no allowance. Days before
 *   the first active day are never rest days.</li>
 *   <li>Current streak: the run that ends on {@code asOf}, or whose trailing missed days up to
 *   {@code asOf - 1} are all covered; otherwise 0, and {@code brokenOn} is the first missed day
 *   that could not be covered.</li>
 *   <li>Longest: the longest run on or before {@code asOf}; of equally long runs the most recent.</li>
 * </ul>
 *
 * <p>Cost: O(study days · log + days in the asked range). Each gap is looked at for at most
 * 2 × 3 + 1 days, because a gap that needs more rest days than two weeks allow is broken by then.
 */
public final class StreakRules {
    /** SPEC section 3: a learner may allow 0 to 3 rest days per ISO week. */
    public static final int MAX_REST_DAYS_PER_WEEK = 3;

    private StreakRules() {
    }

    /** The learner's today: the date in their zone at the clock's instant; the default asOf. */
    public static LocalDate today(ZoneId zone, Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * The streak on {@code asOf}, which counts if it is already active but does not break anything
     * while it is not (the day is not over).
     *
     * @param days            the learner's study days, in any order; later than asOf is ignored
     * @param restDaysPerWeek 0 to {@link #MAX_REST_DAYS_PER_WEEK}
     */
    public static Streak streak(Collection<StudyDay> days, int restDaysPerWeek, LocalDate asOf) {
        checkArguments(days, restDaysPerWeek, asOf);
        long[] active = activeDaysUpTo(days, asOf.toEpochDay());
        if (active.length == 0) {
            return Streak.NONE;
        }
        Walk walk = new Walk(restDaysPerWeek, Long.MAX_VALUE, Long.MIN_VALUE); // no rest days needed
        walk.run(active, asOf.toEpochDay());
        long last = active[active.length - 1];
        return new Streak(walk.current, walk.longest,
                LocalDate.ofEpochDay(walk.longestStart), LocalDate.ofEpochDay(walk.longestEnd),
                LocalDate.ofEpochDay(last), last == asOf.toEpochDay(),
                walk.brokenOn == Walk.COVERED ? null : LocalDate.ofEpochDay(walk.brokenOn));
    }

    /**
     * Each day from {@code from} to {@code to} (both inclusive). Days after {@code asOf} show their
     * notes but are never rest days, since their gaps are not known yet.
     *
     * @throws IllegalArgumentException if {@code from} is after {@code to}
     */
    public static List<CalendarDay> calendar(Collection<StudyDay> days, int restDaysPerWeek,
                                             LocalDate from, LocalDate to, LocalDate asOf) {
        checkArguments(days, restDaysPerWeek, asOf);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        long first = from.toEpochDay();
        long lastDay = to.toEpochDay();
        long asOfDay = asOf.toEpochDay();

        Map<LocalDate, StudyDay> inRange = new HashMap<>();
        for (StudyDay day : days) {
            if (!day.date().isBefore(from) && !day.date().isAfter(to)) {
                inRange.merge(day.date(), day, StreakRules::sameDate);
            }
        }
        long[] rest = new long[0];
        long[] active = activeDaysUpTo(days, asOfDay);
        if (active.length > 0 && first < asOfDay) {
            Walk walk = new Walk(restDaysPerWeek, first, Math.min(lastDay, asOfDay - 1));
            walk.run(active, asOfDay);
            rest = walk.restDays();
        }

        List<CalendarDay> calendar = new ArrayList<>((int) Math.min(lastDay - first + 1, 4096));
        int nextRest = 0;
        for (long d = first; d <= lastDay; d++) {
            LocalDate date = LocalDate.ofEpochDay(d);
            StudyDay day = inRange.get(date);
            while (nextRest < rest.length && rest[nextRest] < d) {
                nextRest++;
            }
            boolean isActive = day != null && day.active();
            DayState state = isActive ? DayState.ACTIVE
                    : nextRest < rest.length && rest[nextRest] == d ? DayState.REST
                    : day != null ? DayState.INACTIVE
                    : DayState.NO_NOTE;
            calendar.add(new CalendarDay(date, isActive, state, day == null ? 0 : day.tasksDone()));
        }
        return calendar;
    }

    private static void checkArguments(Collection<StudyDay> days, int restDaysPerWeek, LocalDate asOf) {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(asOf, "asOf");
        if (restDaysPerWeek < 0 || restDaysPerWeek > MAX_REST_DAYS_PER_WEEK) {
            throw new IllegalArgumentException("restDaysPerWeek must be 0.." + MAX_REST_DAYS_PER_WEEK
                    + ": " + restDaysPerWeek);
        }
    }

    /** Two study days of one date (the caller did not aggregate): active if either, tasks summed. */
    private static StudyDay sameDate(StudyDay a, StudyDay b) {
        return new StudyDay(a.date(), a.active() || b.active(), a.tasksDone() + b.tasksDone());
    }

    /** Sorted, distinct epoch days of the active days on or before asOf. */
    private static long[] activeDaysUpTo(Collection<StudyDay> days, long asOfDay) {
        long[] active = new long[days.size()];
        int n = 0;
        for (StudyDay day : days) {
            long d = day.date().toEpochDay();
            if (day.active() && d <= asOfDay) {
                active[n++] = d;
            }
        }
        Arrays.sort(active, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || active[distinct - 1] != active[i]) {
                active[distinct++] = active[i];
            }
        }
        return Arrays.copyOf(active, distinct);
    }

    /** ISO week number counted from the week of 1970-01-01 (a Thursday; its Monday is epoch day -3). */
    static long isoWeek(long epochDay) {
        return Math.floorDiv(epochDay + 3, 7);
    }

    /** One chronological pass over the active days: runs, rest allowance, the alive tail. */
    private static final class Walk {
        /** brokenOn / cover() result meaning "every day of the gap was a rest day". */
        static final long COVERED = Long.MIN_VALUE;

        private final int allowance;
        private final long restFrom;
        private final long restTo;
        private long[] rest = new long[8];
        private int restCount;

        /** The ISO week of the latest rest day, and how many rest days that week has used. */
        private long week = Long.MIN_VALUE;
        private int usedInWeek;

        int current;
        int longest;
        long longestStart;
        long longestEnd;
        long brokenOn = COVERED;

        /** Rest days in [restFrom, restTo] are remembered for the calendar. */
        Walk(int allowance, long restFrom, long restTo) {
            this.allowance = allowance;
            this.restFrom = restFrom;
            this.restTo = restTo;
        }

        void run(long[] active, long asOfDay) {
            long runStart = active[0];
            int runLength = 1;
            for (int i = 1; i < active.length; i++) {
                long previous = active[i - 1];
                if (active[i] == previous + 1 || cover(previous + 1, active[i] - 1) == COVERED) {
                    runLength++;
                } else {
                    closeRun(runStart, previous, runLength);
                    runStart = active[i];
                    runLength = 1;
                }
            }
            long last = active[active.length - 1];
            closeRun(runStart, last, runLength);
            // asOf itself is not over, so only the days before it must be covered.
            brokenOn = last >= asOfDay - 1 ? COVERED : cover(last + 1, asOfDay - 1);
            current = brokenOn == COVERED ? runLength : 0;
        }

        /** Of equally long runs the later one wins, hence >=. */
        private void closeRun(long start, long end, int length) {
            if (length >= longest) {
                longest = length;
                longestStart = start;
                longestEnd = end;
            }
        }

        /**
         * Tries to make every day of the gap [first, last] a rest day. Commits the allowance only if
         * all of them fit; otherwise returns the first day that did not, and uses nothing.
         */
        private long cover(long first, long last) {
            long w = week;
            int used = usedInWeek;
            for (long d = first; d <= last; d++) {
                long dayWeek = isoWeek(d);
                if (dayWeek != w) {
                    w = dayWeek;
                    used = 0;
                }
                if (used >= allowance) {
                    return d; // reached within 2 * allowance + 1 days, so long gaps are cheap
                }
                used++;
            }
            week = w;
            usedInWeek = used;
            for (long d = Math.max(first, restFrom); d <= Math.min(last, restTo); d++) {
                if (restCount == rest.length) {
                    rest = Arrays.copyOf(rest, rest.length * 2);
                }
                rest[restCount++] = d;
            }
            return COVERED;
        }

        long[] restDays() {
            return Arrays.copyOf(rest, restCount);
        }
    }
}
