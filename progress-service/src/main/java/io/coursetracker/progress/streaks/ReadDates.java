package io.coursetracker.progress.streaks;

import io.coursetracker.support.web.ApiException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The {@code asOf}, {@code from} and {@code to} query parameters of the streak, calendar and dashboard reads. */
public final class ReadDates {
    /** The longest calendar one read returns: a year, leap day included. */
    public static final int MAX_CALENDAR_DAYS = 366;
    /** Without {@code from}, the calendar shows the 30 days up to {@code to}. */
    public static final int DEFAULT_CALENDAR_DAYS = 30;

    private ReadDates() {
    }

    /** The day named by {@code value}, or {@code otherwise} when the parameter is absent. */
    public static LocalDate parse(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid date", name + " must be a date YYYY-MM-DD, not '" + printable(value) + "'");
        }
    }

    /** A calendar range: from..to inclusive, to defaulting to asOf, at most {@link #MAX_CALENDAR_DAYS} days. */
    public record Range(LocalDate from, LocalDate to) {
    }

    public static Range calendarRange(String fromValue, String toValue, LocalDate asOf) {
        LocalDate to = parse("to", toValue, asOf);
        LocalDate from = parse("from", fromValue, to.minusDays(DEFAULT_CALENDAR_DAYS - 1));
        if (from.isAfter(to)) {
            throw ApiException.badRequest("invalid range", "from (" + from + ") is after to (" + to + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_CALENDAR_DAYS) {
            throw ApiException.badRequest("range too long",
                    "from " + from + " to " + to + " is " + days + " days; a calendar read covers at most " + MAX_CALENDAR_DAYS);
        }
        return new Range(from, to);
    }

    /** The value as it can be shown back in an error: short, and without control characters. */
    private static String printable(String value) {
        String shortened = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }
}
