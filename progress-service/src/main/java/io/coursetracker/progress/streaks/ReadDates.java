package io.coursetracker.progress.streaks;

import io.coursetracker.support.web.DateParameters;

import java.time.LocalDate;

/**
 * The {@code asOf}, {@code from} and {@code to} query parameters of the streak, calendar and
 * dashboard reads, and the {@code asOf} of a summary request: read by the platform's one date rule,
 * {@link DateParameters} (YYYY-MM-DD from 1900-01-01 to 9999-12-31, else a 400 naming the
 * parameter), so no date a client sends reaches the date arithmetic outside that window.
 */
public final class ReadDates {
    /** The longest calendar one read returns: a year, leap day included. */
    public static final int MAX_CALENDAR_DAYS = DateParameters.MAX_RANGE_DAYS;
    /** Without {@code from}, the calendar shows the 30 days up to {@code to}. */
    public static final int DEFAULT_CALENDAR_DAYS = 30;

    private ReadDates() {
    }

    /** The day named by {@code value}, or {@code otherwise} when the parameter is absent; a 400 outside the window. */
    public static LocalDate parse(String name, String value, LocalDate otherwise) {
        return DateParameters.parse(name, value, otherwise);
    }

    /** A calendar range: from..to inclusive, to defaulting to asOf, at most {@link #MAX_CALENDAR_DAYS} days. */
    public record Range(LocalDate from, LocalDate to) {
    }

    /**
     * {@code asOf} must already be a day in the window ({@link #parse}, or today): then the default
     * {@code from} (29 days before {@code to}) cannot overflow either.
     */
    public static Range calendarRange(String fromValue, String toValue, LocalDate asOf) {
        LocalDate to = parse("to", toValue, asOf);
        LocalDate from = parse("from", fromValue, to.minusDays(DEFAULT_CALENDAR_DAYS - 1));
        DateParameters.checkRange("from", from, "to", to, MAX_CALENDAR_DAYS);
        return new Range(from, to);
    }
}
