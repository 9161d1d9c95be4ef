package io.coursetracker.progress.streaks;

import io.coursetracker.contracts.api.DayState;
import java.time.LocalDate;

/** One day of the calendar call; {@code active} and {@code tasksDone} come from the day's notes. */
public record CalendarDay(LocalDate date, boolean active, DayState state, int tasksDone) {
}
