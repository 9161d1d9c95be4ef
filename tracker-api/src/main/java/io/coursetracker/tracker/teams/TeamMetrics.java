package io.coursetracker.tracker.teams;

import io.coursetracker.contracts.api.TeamDashboard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Team gauges for Prometheus ({@code /q/metrics}), refreshed from every team's dashboard (as of today
 * in the owner's zone) every {@code tracker.teams.metrics-refresh} (60 s; {@code off} disables it).
 * Labels are {@code team} and {@code course} (and {@code streak}, one of five buckets): never a
 * learner or a note, so the series grow with teams only. A team whose dashboard fails keeps its last
 * values until the next refresh succeeds.
 */
@ApplicationScoped
public class TeamMetrics {
    private static final Logger LOG = Logger.getLogger(TeamMetrics.class);

    public static final String MEMBERS = "tracker_team_members";
    public static final String ACTIVE_LEARNERS = "tracker_team_active_learners";
    public static final String LESSONS_COMPLETED = "tracker_team_lessons_completed";
    public static final String MEMBERS_AT_RISK = "tracker_team_members_at_risk";
    public static final String STREAK_MEMBERS = "tracker_team_streak_members";
    /** Every metric name this class registers, as Prometheus shows it; the Grafana dashboard uses only these. */
    public static final List<String> METRIC_NAMES = List.of(MEMBERS, ACTIVE_LEARNERS, LESSONS_COMPLETED, MEMBERS_AT_RISK, STREAK_MEMBERS);

    private final Teams teams;
    private final TeamDashboards dashboards;
    private final MultiGauge members;
    private final MultiGauge activeLearners;
    private final MultiGauge lessonsCompleted;
    private final MultiGauge atRisk;
    private final MultiGauge streakMembers;
    private Map<String, Snapshot> latest = Map.of();

    private record Snapshot(String course, TeamDashboardRules.Gauges gauges) {
    }

    public TeamMetrics(Teams teams, TeamDashboards dashboards, MeterRegistry registry) {
        this.teams = teams;
        this.dashboards = dashboards;
        this.members = gauge(registry, MEMBERS, "Members of the team (joined, not invited)");
        this.activeLearners = gauge(registry, ACTIVE_LEARNERS, "Members active today (the owner's today)");
        this.lessonsCompleted = gauge(registry, LESSONS_COMPLETED, "Lessons of the team's course completed, summed over members");
        this.atRisk = gauge(registry, MEMBERS_AT_RISK, "Members 3 or more days past their last active day, course unfinished");
        this.streakMembers = gauge(registry, STREAK_MEMBERS, "Members by current streak: 0, 1-2, 3-6, 7-13, 14+ days");
    }

    private static MultiGauge gauge(MeterRegistry registry, String prometheusName, String description) {
        return MultiGauge.builder(prometheusName.replace('_', '.')).description(description).register(registry);
    }

    @Scheduled(identity = "team-metrics", every = "${tracker.teams.metrics-refresh:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        refresh();
    }

    /** Reads every team's dashboard and replaces the gauges' series. */
    public synchronized void refresh() {
        Map<String, Snapshot> next = new HashMap<>();
        for (Team team : teams.all()) {
            try {
                TeamDashboard dashboard = dashboards.dashboard(team, dashboards.today(team));
                next.put(team.teamId, new Snapshot(team.courseId, TeamDashboardRules.gauges(dashboard)));
            } catch (RuntimeException e) {
                LOG.warnf("team metrics: team %s not refreshed (%s); keeping its last values", team.teamId, e.getMessage());
                Snapshot previous = latest.get(team.teamId);
                if (previous != null) {
                    next.put(team.teamId, previous);
                }
            }
        }
        latest = Map.copyOf(next);
        List<MultiGauge.Row<?>> memberRows = new ArrayList<>();
        List<MultiGauge.Row<?>> activeRows = new ArrayList<>();
        List<MultiGauge.Row<?>> lessonRows = new ArrayList<>();
        List<MultiGauge.Row<?>> riskRows = new ArrayList<>();
        List<MultiGauge.Row<?>> streakRows = new ArrayList<>();
        latest.forEach((teamId, snapshot) -> {
            Tags tags = Tags.of("team", teamId, "course", snapshot.course());
            TeamDashboardRules.Gauges gauges = snapshot.gauges();
            memberRows.add(MultiGauge.Row.of(tags, gauges.members()));
            activeRows.add(MultiGauge.Row.of(tags, gauges.activeToday()));
            lessonRows.add(MultiGauge.Row.of(tags, gauges.lessonsCompleted()));
            riskRows.add(MultiGauge.Row.of(tags, gauges.atRisk()));
            for (String bucket : TeamDashboardRules.STREAK_BUCKETS) {
                streakRows.add(MultiGauge.Row.of(tags.and("streak", bucket), gauges.streakMembers().getOrDefault(bucket, 0)));
            }
        });
        members.register(memberRows, true);
        activeLearners.register(activeRows, true);
        lessonsCompleted.register(lessonRows, true);
        atRisk.register(riskRows, true);
        streakMembers.register(streakRows, true);
    }
}
