package io.coursetracker.contracts.api;

import java.time.LocalDate;

/** One day of {@code GET /v1/learners/{id}/calendar}. */
public record CalendarEntry(LocalDate date, boolean active, DayState state, int tasksDone) {
}
