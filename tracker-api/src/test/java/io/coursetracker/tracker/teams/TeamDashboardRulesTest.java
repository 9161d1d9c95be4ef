package io.coursetracker.tracker.teams;

import io.coursetracker.contracts.api.LessonStatus;
import io.coursetracker.contracts.api.ProgressSummaries;
import io.coursetracker.contracts.api.ProgressSummaries.LearnerSummary;
import io.coursetracker.contracts.api.ProgressSummaries.LessonState;
import io.coursetracker.contracts.api.ProgressSummaries.StartedLesson;
import io.coursetracker.contracts.api.TeamDashboard;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain JUnit and jqwik: at risk, stuck, completedBy, activeByDay and the gauges' buckets. */
class TeamDashboardRulesTest {
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-20");

    @Test
    void atRiskFromThreeDaysWithoutActivityUnlessFinished() {
        assertThat(TeamDashboardRules.atRisk(AS_OF, AS_OF, false)).isFalse();
        assertThat(TeamDashboardRules.atRisk(AS_OF.minusDays(2), AS_OF, false)).isFalse();
        assertThat(TeamDashboardRules.atRisk(AS_OF.minusDays(3), AS_OF, false)).isTrue();
        assertThat(TeamDashboardRules.atRisk(null, AS_OF, false)).isTrue();
        assertThat(TeamDashboardRules.atRisk(null, AS_OF, true)).isFalse();
        assertThat(TeamDashboardRules.atRisk(AS_OF.minusDays(30), AS_OF, true)).isFalse();
    }

    @Property
    void atRiskIsExactlyThreeOrMoreMissedDaysWhileUnfinished(@ForAll @IntRange(min = 0, max = 60) int daysSince, @ForAll boolean finished) {
        // reference: count the days after the last active day up to asOf one by one
        int missed = 0;
        for (LocalDate day = AS_OF.minusDays(daysSince).plusDays(1); !day.isAfter(AS_OF); day = day.plusDays(1)) {
            missed++;
        }
        assertThat(TeamDashboardRules.atRisk(AS_OF.minusDays(daysSince), AS_OF, finished)).isEqualTo(!finished && missed >= 3);
    }

    @Test
    void stuckAfterSevenDaysWithoutActivityOnTheFurthestStartedLesson() {
        assertThat(TeamDashboardRules.stuck(null, AS_OF)).isFalse();
        assertThat(TeamDashboardRules.stuck(new StartedLesson(2, AS_OF.minusDays(6), List.of()), AS_OF)).isFalse();
        assertThat(TeamDashboardRules.stuck(new StartedLesson(2, AS_OF.minusDays(7), List.of()), AS_OF)).isTrue();
        assertThat(TeamDashboardRules.stuck(new StartedLesson(2, null, List.of()), AS_OF)).isTrue();
    }

    @Test
    void streakBuckets() {
        assertThat(List.of(0, 1, 2, 3, 6, 7, 13, 14, 400).stream().map(TeamDashboardRules::streakBucket))
                .containsExactly("0", "1-2", "1-2", "3-6", "3-6", "7-13", "7-13", "14+", "14+");
    }

    @Property
    void activeByDayCountsEachMemberOncePerDayOverTheWindow(@ForAll @Size(max = 6) List<@Size(max = 40) List<@IntRange(min = 0, max = 45) Integer>> offsets) {
        LocalDate from = AS_OF.minusDays(29);
        List<LearnerSummary> learners = new ArrayList<>();
        for (List<Integer> memberOffsets : offsets) {
            List<LocalDate> days = memberOffsets.stream().map(AS_OF::minusDays).filter(day -> !day.isBefore(from)).toList();
            learners.add(summary("m" + learners.size(), List.of(), days, null));
        }
        List<TeamDashboard.ActiveDay> result = TeamDashboardRules.activeByDay(from, AS_OF, learners);

        assertThat(result).hasSize(30);
        for (int i = 0; i < 30; i++) {
            LocalDate day = from.plusDays(i);
            long expected = learners.stream().filter(learner -> learner.activeDays().contains(day)).count();
            assertThat(result.get(i).date()).isEqualTo(day);
            assertThat(result.get(i).active()).isEqualTo((int) expected);
        }
    }

    @Test
    void aDashboardFromThreeSummaries() {
        List<LessonState> allDone = List.of(new LessonState(1, LessonStatus.COMPLETED, 1), new LessonState(2, LessonStatus.COMPLETED, 1));
        List<LessonState> half = List.of(new LessonState(1, LessonStatus.COMPLETED, 1), new LessonState(2, LessonStatus.IN_PROGRESS, 0.25));
        List<LessonState> none = List.of(new LessonState(1, LessonStatus.NOT_STARTED, 0), new LessonState(2, LessonStatus.NOT_STARTED, 0));
        ProgressSummaries summaries = new ProgressSummaries("c", "Course", AS_OF, AS_OF.minusDays(29),
                List.of(new ProgressSummaries.Lesson(1, "One"), new ProgressSummaries.Lesson(2, "Two")),
                List.of(new LearnerSummary("ann", 1, allDone, 0, 5, AS_OF.minusDays(10), List.of(AS_OF.minusDays(10)), null),
                        new LearnerSummary("bo", 0.625, half, 2, 2, AS_OF.minusDays(1), List.of(AS_OF.minusDays(2), AS_OF.minusDays(1)),
                                new StartedLesson(2, AS_OF.minusDays(8), List.of("Why?"))),
                        new LearnerSummary("cy", 0, none, 0, 0, null, List.of(), null)));

        TeamDashboard dashboard = TeamDashboardRules.dashboard("t", summaries, Map.of("ann", "Ann"));

        assertThat(dashboard.members()).extracting(TeamDashboard.Member::displayName).containsExactly("Ann", "bo", "cy");
        assertThat(dashboard.members()).extracting(TeamDashboard.Member::lessonsCompleted).containsExactly(2, 1, 0);
        assertThat(dashboard.members()).extracting(TeamDashboard.Member::atRisk).containsExactly(false, false, true);
        assertThat(dashboard.lessons()).extracting(TeamDashboard.Lesson::completedBy).containsExactly(2, 1);
        assertThat(dashboard.stuck()).containsExactly(new TeamDashboard.Stuck("bo", 2, AS_OF.minusDays(8), List.of("Why?")));
        assertThat(dashboard.activeByDay()).hasSize(30);
        assertThat(dashboard.activeByDay().get(28).active()).isEqualTo(1);

        TeamDashboardRules.Gauges gauges = TeamDashboardRules.gauges(dashboard);
        assertThat(gauges.members()).isEqualTo(3);
        assertThat(gauges.activeToday()).isZero();
        assertThat(gauges.lessonsCompleted()).isEqualTo(3);
        assertThat(gauges.atRisk()).isEqualTo(1);
        assertThat(gauges.streakMembers()).containsEntry("0", 2).containsEntry("1-2", 1).containsEntry("14+", 0);
    }

    private static LearnerSummary summary(String id, List<LessonState> lessons, List<LocalDate> activeDays, StartedLesson started) {
        return new LearnerSummary(id, 0, lessons, 0, 0, null, activeDays, started);
    }
}
