package io.coursetracker.progress.streaks;

import io.coursetracker.contracts.api.DayState;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class StreakRulesPropertiesTest {
    private static final LocalDate EARLIEST = LocalDate.of(2019, 1, 1);

    /** A random learner: up to 120 days from a random start, each active, inactive or without a note. */
    record Learner(List<StudyDay> days, LocalDate firstDay, int span) {
        LocalDate day(int offset) {
            return firstDay.plusDays(offset);
        }

        @Override
        public String toString() {
            StringBuilder picture = new StringBuilder(firstDay + " " + firstDay.getDayOfWeek() + " ");
            Map<LocalDate, StudyDay> byDate = days.stream().collect(Collectors.toMap(StudyDay::date, d -> d));
            for (int i = 0; i < span; i++) {
                StudyDay day = byDate.get(day(i));
                picture.append(day == null ? '.' : day.active() ? 'A' : 'i');
            }
            return picture.toString();
        }
    }

    @Provide
    Arbitrary<Learner> learners() {
        Arbitrary<LocalDate> starts = Arbitraries.integers().between(0, 3000).map(EARLIEST::plusDays);
        // Each learner gets their own mix, from nearly always active to nearly never.
        // 0 active, 1 inactive note, 2 no note; each learner gets their own mix, from nearly always
        // active to mostly absent, so that runs, gaps and rest days all show up.
        Arbitrary<List<Integer>> kinds = Arbitraries.integers().between(1, 9).flatMap(activeWeight ->
                Arbitraries.integers().between(0, 11)
                        .map(r -> r < activeWeight ? 0 : r < activeWeight + 2 ? 1 : 2)
                        .list().ofMaxSize(120));
        Arbitrary<Integer> tasks = Arbitraries.integers().between(0, 4);
        return Combinators.combine(starts, kinds, tasks.list().ofSize(120)).as((start, kindList, taskList) -> {
            List<StudyDay> days = new ArrayList<>();
            for (int i = 0; i < kindList.size(); i++) {
                if (kindList.get(i) != 2) {
                    days.add(new StudyDay(start.plusDays(i), kindList.get(i) == 0, taskList.get(i)));
                }
            }
            return new Learner(days, start, kindList.size());
        });
    }

    @Property
    void streakAgreesWithTheReferenceModel(@ForAll("learners") Learner learner,
                                           @ForAll @IntRange(min = 0, max = 3) int rest,
                                           @ForAll @IntRange(min = -10, max = 135) int asOfOffset) {
        LocalDate asOf = learner.day(asOfOffset);
        assertThat(StreakRules.streak(learner.days(), rest, asOf))
                .isEqualTo(new StreakReferenceModel(learner.days(), rest, asOf).streak);
    }

    @Property
    void calendarAgreesWithTheReferenceModel(@ForAll("learners") Learner learner,
                                             @ForAll @IntRange(min = 0, max = 3) int rest,
                                             @ForAll @IntRange(min = -10, max = 135) int asOfOffset,
                                             @ForAll @IntRange(min = -10, max = 130) int fromOffset,
                                             @ForAll @IntRange(min = 0, max = 60) int length) {
        LocalDate asOf = learner.day(asOfOffset);
        LocalDate from = learner.day(fromOffset);
        LocalDate to = from.plusDays(length);
        assertThat(StreakRules.calendar(learner.days(), rest, from, to, asOf))
                .isEqualTo(new StreakReferenceModel(learner.days(), rest, asOf).calendar(from, to));
    }

    @Property
    void withoutRestDaysAddingAnActiveDayNeverShortensTheLongest(@ForAll("learners") Learner learner,
                                                                 @ForAll @IntRange(min = -5, max = 125) int added,
                                                                 @ForAll @IntRange(min = 0, max = 130) int asOfOffset) {
        LocalDate asOf = learner.day(asOfOffset);
        int before = StreakRules.streak(learner.days(), 0, asOf).longest();
        int after = StreakRules.streak(with(learner.days(), new StudyDay(learner.day(added), true, 1)), 0, asOf).longest();
        assertThat(after).isGreaterThanOrEqualTo(before);
    }

    @Property
    void aDayAfterAsOfChangesNothingUpToAsOf(@ForAll("learners") Learner learner,
                                             @ForAll @IntRange(min = 0, max = 3) int rest,
                                             @ForAll @IntRange(min = -10, max = 125) int asOfOffset,
                                             @ForAll @IntRange(min = 1, max = 20) int later,
                                             @ForAll boolean active) {
        LocalDate asOf = learner.day(asOfOffset);
        List<StudyDay> changed = with(learner.days(), new StudyDay(asOf.plusDays(later), active, 1));
        LocalDate from = learner.day(-10);

        assertThat(StreakRules.streak(changed, rest, asOf)).isEqualTo(StreakRules.streak(learner.days(), rest, asOf));
        assertThat(StreakRules.calendar(changed, rest, from, asOf, asOf))
                .isEqualTo(StreakRules.calendar(learner.days(), rest, from, asOf, asOf));
    }

    @Property
    void everyRestDayIsInsideARunOrTheAliveTail(@ForAll("learners") Learner learner,
                                                @ForAll @IntRange(min = 0, max = 3) int rest,
                                                @ForAll @IntRange(min = 0, max = 130) int asOfOffset) {
        LocalDate asOf = learner.day(asOfOffset);
        List<CalendarDay> calendar = StreakRules.calendar(learner.days(), rest, learner.day(-7), asOf.plusDays(7), asOf);
        Streak streak = StreakRules.streak(learner.days(), rest, asOf);
        for (int i = 0; i < calendar.size(); i++) {
            if (calendar.get(i).state() != DayState.REST) {
                continue;
            }
            assertThat(calendar.get(i).date()).isBefore(asOf);
            int before = i;
            while (calendar.get(before).state() == DayState.REST) {
                before--;
            }
            int after = i;
            while (calendar.get(after).state() == DayState.REST) {
                after++;
            }
            assertThat(calendar.get(before).state()).as("left of %s", calendar.get(i).date()).isEqualTo(DayState.ACTIVE);
            boolean aliveTail = calendar.get(after).date().equals(asOf) && streak.current() > 0;
            assertThat(calendar.get(after).state() == DayState.ACTIVE || aliveTail)
                    .as("right of %s", calendar.get(i).date()).isTrue();
        }
    }

    @Property
    void noIsoWeekHasMoreRestDaysThanAllowed(@ForAll("learners") Learner learner,
                                             @ForAll @IntRange(min = 0, max = 3) int rest,
                                             @ForAll @IntRange(min = 0, max = 130) int asOfOffset) {
        LocalDate asOf = learner.day(asOfOffset);
        Map<String, Integer> restPerWeek = new HashMap<>();
        for (CalendarDay day : StreakRules.calendar(learner.days(), rest, learner.day(-7), asOf, asOf)) {
            if (day.state() == DayState.REST) {
                restPerWeek.merge(day.date().get(IsoFields.WEEK_BASED_YEAR) + "-" + day.date().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 1, Integer::sum);
            }
        }
        assertThat(restPerWeek.values()).allMatch(count -> count <= rest);
    }

    @Property
    void currentNeverExceedsLongest(@ForAll("learners") Learner learner,
                                    @ForAll @IntRange(min = 0, max = 3) int rest,
                                    @ForAll @IntRange(min = -10, max = 135) int asOfOffset) {
        Streak streak = StreakRules.streak(learner.days(), rest, learner.day(asOfOffset));
        assertThat(streak.current()).isLessThanOrEqualTo(streak.longest());
        assertThat(streak.brokenOn() == null || streak.current() == 0).isTrue();
    }

    @Property
    void todayIsTheDateInTheLearnersZone(@ForAll @IntRange(min = 0, max = 2_000_000_000) int secondsSince2000,
                                         @ForAll("zones") String zoneId) {
        Instant instant = Instant.parse("2000-01-01T00:00:00Z").plusSeconds(secondsSince2000);
        ZoneId zone = ZoneId.of(zoneId);
        // Independently: shift the epoch seconds by the zone's offset at that instant, then whole days.
        ZoneOffset offset = zone.getRules().getOffset(instant);
        long localEpochDay = Math.floorDiv(instant.getEpochSecond() + offset.getTotalSeconds(), 86_400L);
        Clock clock = Clock.fixed(instant, ZoneOffset.UTC);

        assertThat(StreakRules.today(zone, clock)).isEqualTo(LocalDate.ofEpochDay(localEpochDay));
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of(ZoneId.getAvailableZoneIds());
    }

    private static List<StudyDay> with(List<StudyDay> days, StudyDay replacement) {
        List<StudyDay> changed = new ArrayList<>();
        for (StudyDay day : days) {
            if (!day.date().equals(replacement.date())) {
                changed.add(day);
            }
        }
        changed.add(replacement);
        return changed;
    }
}
