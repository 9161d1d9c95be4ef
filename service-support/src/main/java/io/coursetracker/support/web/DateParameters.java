package io.coursetracker.support.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The one rule for a date a client sends (a query parameter such as {@code asOf}, {@code from},
 * {@code to}, or a date field of a request body), in every service: exactly {@code YYYY-MM-DD},
 * a real day, from {@link #EARLIEST} to {@link #LATEST}. Anything else is a 400 naming the
 * parameter and the window, before any date arithmetic: within the window, what the reads do with
 * a date (a 30- or 366-day range back, the ISO week, days between two dates) can never overflow
 * {@link LocalDate}, whose years go to ±999,999,999. A learner's day far outside it is meaningless.
 */
public final class DateParameters {
    /** The first day a client may name. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The last day a client may name: the last one with a four-digit year. */
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    /** The longest range of days one read covers: a year, leap day included. */
    public static final int MAX_RANGE_DAYS = 366;

    private DateParameters() {
    }

    /** What each refusal says the parameter must be. */
    public static String rule(String name) {
        return name + " must be a date YYYY-MM-DD from " + EARLIEST + " to " + LATEST;
    }

    /**
     * The day named by {@code value}, or {@code otherwise} when the parameter is absent or blank.
     *
     * @throws ApiException 400 "invalid date", naming the parameter and the window, for anything else
     */
    public static LocalDate parse(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        String date = value.strip();
        if (!looksLikeIsoDate(date)) {
            throw invalid(name, value);
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date); // four-digit years only: 0000..9999, so it cannot overflow
        } catch (DateTimeException e) {
            throw invalid(name, value); // 2026-02-30, 2026-13-01
        }
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw invalid(name, value);
        }
        return day;
    }

    /**
     * Checks a range of days, both ends inclusive and already read by {@link #parse}: {@code from}
     * not after {@code to}, and at most {@code maxDays} days.
     *
     * @throws ApiException 400 "invalid range" or "range too long"
     */
    public static void checkRange(String fromName, LocalDate from, String toName, LocalDate to, int maxDays) {
        if (from.isAfter(to)) {
            throw ApiException.badRequest("invalid range", fromName + " (" + from + ") is after " + toName + " (" + to + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > maxDays) {
            throw ApiException.badRequest("range too long", fromName + " (" + from + ") to " + toName + " (" + to + ") is " + days
                    + " days; a read covers at most " + maxDays);
        }
    }

    /** dddd-dd-dd, without a sign or more digits: what LocalDate.parse would read with a year of four digits. */
    private static boolean looksLikeIsoDate(String value) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (i != 4 && i != 7 && (value.charAt(i) < '0' || value.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    private static ApiException invalid(String name, String value) {
        return ApiException.badRequest("invalid date", rule(name) + ", not '" + printable(value) + "'");
    }

    /** The value as it can be shown back in an error: short, and without control characters. */
    private static String printable(String value) {
        int cut = value.length() > 40 && Character.isHighSurrogate(value.charAt(39)) ? 39 : 40;
        String shortened = value.length() > 40 ? value.substring(0, cut) + "…" : value;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }
}
