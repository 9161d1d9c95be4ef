package io.coursetracker.progress.streaks;

import io.coursetracker.contracts.api.CalendarEntry;
import io.coursetracker.contracts.api.LearnerStreak;
import io.coursetracker.progress.learners.LearnerSettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Streak and calendar reads: the learner's study days through {@link StreakRules}, as the HTTP API answers them. */
@ApplicationScoped
public class LearnerStreaks {
    private final StudyDayRepository studyDays;
    private final LearnerSettingsRepository learners;
    private final Clock clock = Clock.systemUTC();

    public LearnerStreaks(StudyDayRepository studyDays, LearnerSettingsRepository learners) {
        this.studyDays = studyDays;
        this.learners = learners;
    }

    /** Today in the learner's time zone: what a read without {@code asOf} means. */
    public LocalDate today(String learnerId) {
        return StreakRules.today(learners.zoneOf(learnerId), clock);
    }

    public LearnerStreak streak(String learnerId, LocalDate asOf) {
        return streak(studyDays.daysOf(learnerId), learners.restDaysPerWeekOf(learnerId), asOf);
    }

    public List<CalendarEntry> calendar(String learnerId, ReadDates.Range range, LocalDate asOf) {
        return calendar(studyDays.daysOf(learnerId), learners.restDaysPerWeekOf(learnerId), range, asOf);
    }

    /** Both from one read of the study days: what the dashboard shows. */
    public StreakAndCalendar streakAndCalendar(String learnerId, ReadDates.Range range, LocalDate asOf) {
        List<StudyDay> days = studyDays.daysOf(learnerId);
        int restDays = learners.restDaysPerWeekOf(learnerId);
        return new StreakAndCalendar(streak(days, restDays, asOf), calendar(days, restDays, range, asOf));
    }

    public record StreakAndCalendar(LearnerStreak streak, List<CalendarEntry> calendar) {
    }

    private static LearnerStreak streak(List<StudyDay> days, int restDays, LocalDate asOf) {
        Streak streak = StreakRules.streak(days, restDays, asOf);
        return new LearnerStreak(asOf, streak.current(), streak.longest(), streak.longestStart(), streak.longestEnd(),
                streak.lastActiveDay(), streak.activeToday(), streak.brokenOn(), restDays);
    }

    private static List<CalendarEntry> calendar(List<StudyDay> days, int restDays, ReadDates.Range range, LocalDate asOf) {
        return StreakRules.calendar(days, restDays, range.from(), range.to(), asOf).stream()
                .map(day -> new CalendarEntry(day.date(), day.active(), day.state(), day.tasksDone()))
                .toList();
    }
}
