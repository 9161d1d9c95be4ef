package io.coursetracker.contracts.api;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /v1/teams/{id}/dashboard?asOf=} (tracker-api): a team's members, lessons, activity and who is stuck. */
public record TeamDashboard(String team, String course, LocalDate asOf, List<Member> members, List<Lesson> lessons,
                            List<ActiveDay> activeByDay, List<Stuck> stuck) {
    public TeamDashboard {
        members = List.copyOf(members);
        lessons = List.copyOf(lessons);
        activeByDay = List.copyOf(activeByDay);
        stuck = List.copyOf(stuck);
    }

    public record Member(String learner, String displayName, int lessonsCompleted, double completion, int current, int longest,
                         LocalDate lastActiveDay, boolean atRisk) {
    }

    public record Lesson(int lesson, String title, int completedBy) {
    }

    public record ActiveDay(LocalDate date, int active) {
    }

    public record Stuck(String learner, int lesson, LocalDate lastActivity, List<String> openQuestions) {
        public Stuck {
            openQuestions = List.copyOf(openQuestions);
        }
    }
}
