package io.coursetracker.support.web;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The date rule every service applies to the dates clients send (plain JUnit and jqwik, no Quarkus). */
class DateParametersTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void extremeYearsAreA400NamingTheParameterAndTheWindow() {
        for (String value : new String[] {"-999999999-01-01", "+999999999-12-31", "0000-01-01", "1899-12-31",
                "+10000-01-01", "10000-01-01", "-0001-01-01", "2026-02-30", "2026-13-01", "yesterday", "2026-3-4", "+2026-03-04"}) {
            assertThatThrownBy(() -> DateParameters.parse("asOf", value, TODAY))
                    .as(value)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.error()).isEqualTo("invalid date");
                        assertThat(e.detail()).startsWith("asOf must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31")
                                .contains(value);
                    });
        }
    }

    @Test
    void theWindowsEndsAndAbsentValuesAreRead() {
        assertThat(DateParameters.parse("to", "1900-01-01", TODAY)).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(DateParameters.parse("to", " 9999-12-31 ", TODAY)).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(DateParameters.parse("to", null, TODAY)).isEqualTo(TODAY);
        assertThat(DateParameters.parse("to", "  ", null)).isNull();
    }

    @Test
    void aRangeBackwardsOrTooLongIsA400NamingBothEnds() {
        assertThatThrownBy(() -> DateParameters.checkRange("from", LocalDate.of(2026, 3, 2), "to", LocalDate.of(2026, 3, 1), 366))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.detail()).isEqualTo("from (2026-03-02) is after to (2026-03-01)"));
        assertThatThrownBy(() -> DateParameters.checkRange("from", DateParameters.EARLIEST, "to", DateParameters.LATEST, 366))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("range too long"));
        DateParameters.checkRange("from", LocalDate.of(2024, 1, 1), "to", LocalDate.of(2024, 12, 31), 366);
    }

    /** Any date LocalDate can hold, written as LocalDate writes it: read if inside the window, else a 400. */
    @Property(tries = 2000)
    void anyLocalDateIsReadOrRefusedWith400(@ForAll("anyDate") LocalDate date) {
        String written = date.toString();
        boolean inside = !date.isBefore(DateParameters.EARLIEST) && !date.isAfter(DateParameters.LATEST);
        try {
            assertThat(DateParameters.parse("from", written, null)).as(written).isEqualTo(date);
            assertThat(inside).as(written + " was read").isTrue();
        } catch (ApiException e) {
            assertThat(inside).as(written + " was refused").isFalse();
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.detail()).contains("from must be a date");
        }
    }

    /** Any string at all: a date in the window or a 400; never DateTimeException, ArithmeticException or anything else. */
    @Property(tries = 2000)
    void anyStringIsReadOrRefusedWith400(@ForAll("dateLikeStrings") String value) {
        try {
            LocalDate day = DateParameters.parse("to", value, TODAY);
            assertThat(day).isBetween(DateParameters.EARLIEST, DateParameters.LATEST);
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.detail()).startsWith("to must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31").doesNotContainPattern("\\p{Cntrl}");
        }
    }

    /** Any two days that passed the rule: the range check answers or refuses with a 400, and the arithmetic the reads do holds. */
    @Property(tries = 1000)
    void anyRangeOfReadDaysIsCheckedWithoutOverflow(@ForAll("daysInWindow") LocalDate from, @ForAll("daysInWindow") LocalDate to,
                                                   @ForAll @IntRange(min = 1, max = 366) int maxDays) {
        try {
            DateParameters.checkRange("from", from, "to", to, maxDays);
            assertThat(from).isBeforeOrEqualTo(to);
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
        }
        // What the reads derive from a day in the window: a year back, a week's Monday, days between.
        assertThat(to.minusDays(DateParameters.MAX_RANGE_DAYS).plusWeeks(60)).isNotNull();
        assertThat(from.with(java.time.DayOfWeek.MONDAY)).isNotNull();
    }

    @Provide
    Arbitrary<LocalDate> anyDate() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()).map(LocalDate::ofEpochDay),
                Arbitraries.longs().between(DateParameters.EARLIEST.toEpochDay() - 400, DateParameters.EARLIEST.toEpochDay() + 400)
                        .map(LocalDate::ofEpochDay),
                Arbitraries.longs().between(DateParameters.LATEST.toEpochDay() - 400, DateParameters.LATEST.toEpochDay() + 400)
                        .map(LocalDate::ofEpochDay),
                Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(0, 1, 1), LocalDate.of(-1, 12, 31)));
    }

    @Provide
    Arbitrary<LocalDate> daysInWindow() {
        return Arbitraries.longs().between(DateParameters.EARLIEST.toEpochDay(), DateParameters.LATEST.toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<String> dateLikeStrings() {
        Arbitrary<String> signs = Arbitraries.of("", "", "+", "-", " ");
        Arbitrary<String> years = Arbitraries.oneOf(Arbitraries.integers().between(0, 12000).map(String::valueOf),
                Arbitraries.of("999999999", "1000000000", "99999999999999999999", "0000", "00001"));
        Arbitrary<String> twoDigits = Arbitraries.integers().between(-1, 99).map(n -> n < 10 && n >= 0 ? "0" + n : String.valueOf(n));
        Arbitrary<String> dates = net.jqwik.api.Combinators.combine(signs, years, twoDigits, twoDigits)
                .as((sign, year, month, day) -> sign + year + "-" + month + "-" + day);
        return Arbitraries.oneOf(dates, Arbitraries.strings().ofMaxLength(60), Arbitraries.strings().withChars("0123456789-+T: ").ofMaxLength(25));
    }
}
