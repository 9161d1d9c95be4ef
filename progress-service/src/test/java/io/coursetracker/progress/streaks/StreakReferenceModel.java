package io.coursetracker.progress.streaks;

import io.coursetracker.contracts.api.DayState;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately naive reading of the streak rules, for the properties to compare against: it walks
 * every single day from the first active day to asOf, keeps rest days used per ISO week in a map
 * keyed by IsoFields, and remembers every run as a list of its days. Slow, and meant to be obvious.
 */
final class StreakReferenceModel {
    final Streak streak;
    private final Map<LocalDate, StudyDay> byDate = new HashMap<>();
    private final Set<LocalDate> restDays = new HashSet<>();
    private final LocalDate asOf;

    StreakReferenceModel(List<StudyDay> days, int restDaysPerWeek, LocalDate asOf) {
        this.asOf = asOf;
        for (StudyDay day : days) {
            byDate.put(day.date(), day);
        }
        LocalDate firstActive = null;
        for (StudyDay day : days) {
            if (day.active() && !day.date().isAfter(asOf) && (firstActive == null || day.date().isBefore(firstActive))) {
                firstActive = day.date();
            }
        }
        if (firstActive == null) {
            streak = new Streak(0, 0, null, null, null, false, null);
            return;
        }
        Map<String, Integer> usedPerWeek = new HashMap<>();
        List<List<LocalDate>> runs = new ArrayList<>();
        List<LocalDate> run = new ArrayList<>();
        List<LocalDate> missed = new ArrayList<>();
        for (LocalDate d = firstActive; !d.isAfter(asOf); d = d.plusDays(1)) {
            if (isActive(d)) {
                if (!missed.isEmpty()) {
                    if (tryRest(missed, restDaysPerWeek, usedPerWeek) != null) {
                        runs.add(run);
                        run = new ArrayList<>();
                    }
                    missed.clear();
                }
                run.add(d);
            } else if (!d.equals(asOf)) {
                missed.add(d);
            }
        }
        runs.add(run);
        LocalDate brokenOn = missed.isEmpty() ? null : tryRest(missed, restDaysPerWeek, usedPerWeek);
        List<LocalDate> longestRun = runs.get(0);
        for (List<LocalDate> r : runs) {
            if (r.size() >= longestRun.size()) {
                longestRun = r;
            }
        }
        LocalDate lastActive = run.get(run.size() - 1);
        streak = new Streak(brokenOn == null ? run.size() : 0, longestRun.size(),
                longestRun.get(0), longestRun.get(longestRun.size() - 1),
                lastActive, lastActive.equals(asOf), brokenOn);
    }

    private boolean isActive(LocalDate d) {
        StudyDay day = byDate.get(d);
        return day != null && day.active();
    }

    /** Returns null when every missed day became a rest day, else the first that could not. */
    private LocalDate tryRest(List<LocalDate> missed, int allowance, Map<String, Integer> usedPerWeek) {
        Map<String, Integer> tentative = new HashMap<>(usedPerWeek);
        for (LocalDate d : missed) {
            String week = d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            int used = tentative.getOrDefault(week, 0);
            if (used >= allowance) {
                return d;
            }
            tentative.put(week, used + 1);
        }
        usedPerWeek.putAll(tentative);
        restDays.addAll(missed);
        return null;
    }

    List<CalendarDay> calendar(LocalDate from, LocalDate to) {
        List<CalendarDay> calendar = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            StudyDay day = byDate.get(d);
            DayState state;
            if (day != null && day.active()) {
                state = DayState.ACTIVE;
            } else if (!d.isAfter(asOf) && restDays.contains(d)) {
                state = DayState.REST;
            } else if (day != null) {
                state = DayState.INACTIVE;
            } else {
                state = DayState.NO_NOTE;
            }
            calendar.add(new CalendarDay(d, day != null && day.active(), state, day == null ? 0 : day.tasksDone()));
        }
        return calendar;
    }
}
