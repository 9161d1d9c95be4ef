package io.coursetracker.progress.streaks;

import io.coursetracker.support.web.ApiException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read parameters of streak, calendar and dashboard, through everything a read does with them
 * (default range, range check, the streak and calendar rules): any string gives a read or a 400,
 * never a DateTimeException or ArithmeticException (which the service answered 500, and tracker-api 503).
 */
class ReadDatesPropertiesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final List<StudyDay> DAYS = List.of(new StudyDay(LocalDate.of(2026, 3, 2), true, 1),
            new StudyDay(LocalDate.of(2026, 3, 9), true, 2));

    @Test
    void theExtremesOfLocalDateAreA400NamingTheParameter() {
        for (String value : List.of("-999999999-01-01", "+999999999-12-31", "0000-01-01", "+10000-01-01")) {
            assertRefused("asOf", () -> read(value, null, null));
            assertRefused("to", () -> read(null, null, value));
            assertRefused("from", () -> read(null, value, "2026-03-10"));
        }
    }

    @Property(tries = 3000)
    void anyAsOfFromAndToAreReadOrRefusedWith400(@ForAll("values") String asOf, @ForAll("values") String from,
                                                  @ForAll("values") String to) {
        try {
            List<CalendarDay> calendar = read(asOf, from, to);
            assertThat(calendar).isNotEmpty().hasSizeLessThanOrEqualTo(ReadDates.MAX_CALENDAR_DAYS);
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.detail()).matches("(?s)(asOf|from|to).*");
        }
    }

    /** What the calendar and dashboard resources do with the three parameters. */
    private static List<CalendarDay> read(String asOfValue, String fromValue, String toValue) {
        LocalDate asOf = ReadDates.parse("asOf", asOfValue, TODAY);
        ReadDates.Range range = ReadDates.calendarRange(fromValue, toValue, asOf);
        StreakRules.streak(DAYS, 1, asOf);
        ReadDates.calendarRange(null, null, asOf); // the dashboard's 30 days
        return StreakRules.calendar(DAYS, 1, range.from(), range.to(), asOf);
    }

    private static void assertRefused(String parameter, Runnable read) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.detail()).startsWith(parameter + " must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31");
        });
    }

    @Provide
    Arbitrary<String> values() {
        List<Arbitrary<String>> kinds = new ArrayList<>();
        kinds.add(Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()).map(d -> LocalDate.ofEpochDay(d).toString()));
        kinds.add(Arbitraries.longs().between(TODAY.toEpochDay() - 500, TODAY.toEpochDay() + 500).map(d -> LocalDate.ofEpochDay(d).toString()));
        kinds.add(Arbitraries.of("-999999999-01-01", "+999999999-12-31", "1900-01-01", "9999-12-31", "1899-12-31", "0000-01-01"));
        kinds.add(Arbitraries.strings().ofMaxLength(20));
        kinds.add(Arbitraries.just(null));
        return Arbitraries.oneOf(kinds);
    }
}
