package io.coursetracker.notes.date;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a note's study date (SPEC section 1): the first of the front matter's {@code date:}, a
 * first-level heading that starts with an ISO date, a file name that starts with one.
 *
 * @param date     the study date, empty for a note that is not a daily note
 * @param warnings impossible dates, weekdays that contradict their date, sources that disagree
 */
public record StudyDate(Optional<LocalDate> date, List<String> warnings) {

    /** An ISO date at the start, not followed by another digit (so 2025-08-021 is no date). */
    private static final Pattern LEADING_ISO_DATE = Pattern.compile("\\A\\s*(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    /**
     * The earliest study day a note may name: the first day a read's {@code asOf}/{@code from} may
     * name (service-support's {@code DateParameters}), so every counted day can be asked about. Four
     * digits already stop the year at 9999, the window's other end.
     */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final Pattern FIRST_WORD = Pattern.compile("\\A[^\\p{L}\\d]*(\\p{L}+)");

    public StudyDate {
        warnings = List.copyOf(warnings);
    }

    /**
     * @param frontMatterDate    the {@code date:} property as written, or null
     * @param firstLevelHeadings the texts of the note's first-level headings, in order
     * @param notePath           the vault-relative path, or null
     */
    public static StudyDate find(String frontMatterDate, List<String> firstLevelHeadings, String notePath) {
        String datedHeading = firstLevelHeadings.stream()
                .filter(heading -> LEADING_ISO_DATE.matcher(heading).find())
                .findFirst()
                .orElse(null);
        List<String> warnings = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        candidateFrom("front matter date", frontMatterDate, warnings).ifPresent(candidates::add);
        candidateFrom("heading", datedHeading, warnings).ifPresent(candidates::add);
        candidateFrom("file name", fileName(notePath), warnings).ifPresent(candidates::add);

        if (candidates.isEmpty()) {
            return new StudyDate(Optional.empty(), warnings);
        }
        Candidate chosen = candidates.get(0);
        for (Candidate other : candidates.subList(1, candidates.size())) {
            if (!other.date().equals(chosen.date())) {
                warnings.add(other.source() + " says " + other.date() + " but the " + chosen.source()
                        + " says " + chosen.date() + "; using " + chosen.date());
            }
        }
        return new StudyDate(Optional.of(chosen.date()), warnings);
    }

    private record Candidate(String source, LocalDate date) {
    }

    private static Optional<Candidate> candidateFrom(String source, String written, List<String> warnings) {
        if (written == null) {
            return Optional.empty();
        }
        Matcher iso = LEADING_ISO_DATE.matcher(written);
        if (!iso.find()) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)));
        } catch (DateTimeException impossible) {
            warnings.add(source + " has an impossible date " + iso.group().trim() + "; it was ignored");
            return Optional.empty();
        }
        if (date.isBefore(EARLIEST)) {
            warnings.add(source + " has the date " + date + ", before " + EARLIEST + "; it was ignored");
            return Optional.empty();
        }
        weekdayAfter(written.substring(iso.end()))
                .filter(weekday -> weekday != date.getDayOfWeek())
                .ifPresent(weekday -> warnings.add(source + " says " + english(weekday) + " but " + date
                        + " is a " + english(date.getDayOfWeek())));
        return Optional.of(new Candidate(source, date));
    }

    /** The weekday named by the first word after the date, in English, in full or as 3 letters. */
    private static Optional<DayOfWeek> weekdayAfter(String rest) {
        Matcher word = FIRST_WORD.matcher(rest);
        if (!word.find()) {
            return Optional.empty();
        }
        String written = word.group(1).toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = LOWER_CASE_NAMES[day.ordinal()];
            if (written.equals(name) || written.equals(name.substring(0, 3))) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** "monday" … "sunday" by ordinal, built once: the JDK looks display names up in locale data each time. */
    private static final String[] LOWER_CASE_NAMES = java.util.Arrays.stream(DayOfWeek.values())
            .map(day -> english(day).toLowerCase(Locale.ROOT))
            .toArray(String[]::new);

    private static String english(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String fileName(String notePath) {
        if (notePath == null) {
            return null;
        }
        String normalised = notePath.replace('\\', '/');
        return normalised.substring(normalised.lastIndexOf('/') + 1);
    }
}
