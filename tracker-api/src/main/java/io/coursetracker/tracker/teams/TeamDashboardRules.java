package io.coursetracker.tracker.teams;

import io.coursetracker.contracts.api.LessonStatus;
import io.coursetracker.contracts.api.ProgressSummaries;
import io.coursetracker.contracts.api.ProgressSummaries.LearnerSummary;
import io.coursetracker.contracts.api.ProgressSummaries.LessonState;
import io.coursetracker.contracts.api.ProgressSummaries.StartedLesson;
import io.coursetracker.contracts.api.TeamDashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A team dashboard from its members' progress summaries (plain Java, no framework).
 *
 * <ul>
 *   <li><b>atRisk</b>: the member has not finished the course (not every lesson completed) and 3 or
 *       more days lie between their last active day and asOf ({@code asOf - lastActiveDay >= 3}), or
 *       they have no active day at all.</li>
 *   <li><b>completedBy</b>: per lesson of the course, how many members have it {@code completed}.</li>
 *   <li><b>activeByDay</b>: for each of the days up to asOf (oldest first), how many members were active.</li>
 *   <li><b>stuck</b>: a member whose furthest started lesson had no activity for 7 days up to asOf
 *       ({@code asOf - lastActivity >= 7}, or no dated activity at all), with that lesson's open questions.</li>
 * </ul>
 */
public final class TeamDashboardRules {
    public static final int AT_RISK_DAYS = 3;
    public static final int STUCK_DAYS = 7;
    /** The streak buckets of {@code tracker_team_streak_members}, in order. */
    public static final List<String> STREAK_BUCKETS = List.of("0", "1-2", "3-6", "7-13", "14+");

    private TeamDashboardRules() {
    }

    public static boolean finished(List<LessonState> lessons) {
        return lessons.stream().allMatch(lesson -> lesson.status() == LessonStatus.COMPLETED);
    }

    public static boolean atRisk(LocalDate lastActiveDay, LocalDate asOf, boolean finished) {
        if (finished) {
            return false;
        }
        return lastActiveDay == null || ChronoUnit.DAYS.between(lastActiveDay, asOf) >= AT_RISK_DAYS;
    }

    public static boolean stuck(StartedLesson started, LocalDate asOf) {
        return started != null
                && (started.lastActivity() == null || ChronoUnit.DAYS.between(started.lastActivity(), asOf) >= STUCK_DAYS);
    }

    public static int lessonsCompleted(List<LessonState> lessons) {
        return (int) lessons.stream().filter(lesson -> lesson.status() == LessonStatus.COMPLETED).count();
    }

    /** Every day from {@code from} to {@code asOf} with the number of learners who have it among their active days. */
    public static List<TeamDashboard.ActiveDay> activeByDay(LocalDate from, LocalDate asOf, List<LearnerSummary> learners) {
        Map<LocalDate, Integer> counts = new HashMap<>();
        for (LearnerSummary learner : learners) {
            for (LocalDate day : new HashSet<>(learner.activeDays())) {
                counts.merge(day, 1, Integer::sum);
            }
        }
        List<TeamDashboard.ActiveDay> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(asOf); day = day.plusDays(1)) {
            days.add(new TeamDashboard.ActiveDay(day, counts.getOrDefault(day, 0)));
        }
        return days;
    }

    public static List<TeamDashboard.Lesson> completedBy(List<ProgressSummaries.Lesson> lessons, List<LearnerSummary> learners) {
        List<TeamDashboard.Lesson> result = new ArrayList<>();
        for (ProgressSummaries.Lesson lesson : lessons) {
            int count = 0;
            for (LearnerSummary learner : learners) {
                for (LessonState state : learner.lessons()) {
                    if (state.lesson() == lesson.lesson() && state.status() == LessonStatus.COMPLETED) {
                        count++;
                        break;
                    }
                }
            }
            result.add(new TeamDashboard.Lesson(lesson.lesson(), lesson.title(), count));
        }
        return result;
    }

    /** The streak bucket ({@link #STREAK_BUCKETS}) a current streak falls in. */
    public static String streakBucket(int current) {
        if (current <= 0) {
            return "0";
        }
        if (current <= 2) {
            return "1-2";
        }
        if (current <= 6) {
            return "3-6";
        }
        return current <= 13 ? "7-13" : "14+";
    }

    /**
     * The whole dashboard. {@code displayNames} maps learner ids to names (a missing one shows the id);
     * members are shown in the order of the summaries.
     */
    public static TeamDashboard dashboard(String teamId, ProgressSummaries summaries, Map<String, String> displayNames) {
        LocalDate asOf = summaries.asOf();
        List<TeamDashboard.Member> members = new ArrayList<>();
        List<TeamDashboard.Stuck> stuck = new ArrayList<>();
        for (LearnerSummary learner : summaries.learners()) {
            boolean finished = finished(learner.lessons());
            members.add(new TeamDashboard.Member(learner.learner(), displayNames.getOrDefault(learner.learner(), learner.learner()),
                    lessonsCompleted(learner.lessons()), learner.completion(), learner.current(), learner.longest(),
                    learner.lastActiveDay(), atRisk(learner.lastActiveDay(), asOf, finished)));
            StartedLesson started = learner.furthestStarted();
            if (stuck(started, asOf)) {
                stuck.add(new TeamDashboard.Stuck(learner.learner(), started.lesson(), started.lastActivity(), started.openQuestions()));
            }
        }
        return new TeamDashboard(teamId, summaries.course(), asOf, members,
                completedBy(summaries.lessons(), summaries.learners()),
                activeByDay(summaries.from(), asOf, summaries.learners()), stuck);
    }

    /** The numbers behind a team's gauges, from its dashboard. */
    public record Gauges(int members, int activeToday, int lessonsCompleted, int atRisk, Map<String, Integer> streakMembers) {
    }

    public static Gauges gauges(TeamDashboard dashboard) {
        Map<String, Integer> buckets = new HashMap<>();
        STREAK_BUCKETS.forEach(bucket -> buckets.put(bucket, 0));
        int lessons = 0;
        int atRisk = 0;
        for (TeamDashboard.Member member : dashboard.members()) {
            buckets.merge(streakBucket(member.current()), 1, Integer::sum);
            lessons += member.lessonsCompleted();
            atRisk += member.atRisk() ? 1 : 0;
        }
        int activeToday = dashboard.activeByDay().isEmpty() ? 0 : dashboard.activeByDay().get(dashboard.activeByDay().size() - 1).active();
        return new Gauges(dashboard.members().size(), activeToday, lessons, atRisk, Map.copyOf(buckets));
    }
}
