package io.coursetracker.tracker.teams;

import io.coursetracker.contracts.api.ProgressSummaries;
import io.coursetracker.contracts.api.ProgressSummaryRequest;
import io.coursetracker.contracts.api.TeamDashboard;
import io.coursetracker.tracker.learners.LearnerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A team's dashboard: its members' summaries from progress-service, put together by {@link TeamDashboardRules}. */
@ApplicationScoped
public class TeamDashboards {
    public static final int DAYS = ProgressSummaryRequest.DEFAULT_DAYS;

    private final Teams teams;
    private final LearnerRepository learners;
    private final ProgressSummaryClient progress;
    private final Clock clock = Clock.systemUTC();

    public TeamDashboards(Teams teams, LearnerRepository learners, @RestClient ProgressSummaryClient progress) {
        this.teams = teams;
        this.learners = learners;
        this.progress = progress;
    }

    /** Without asOf: today in the team owner's time zone (UTC if the owner is gone). */
    @Transactional
    public LocalDate today(Team team) {
        ZoneId zone = learners.findByIdOptional(team.ownerId).map(owner -> ZoneId.of(owner.timezone)).orElse(ZoneOffset.UTC);
        return LocalDate.now(clock.withZone(zone));
    }

    public TeamDashboard dashboard(Team team, LocalDate asOf) {
        List<String> members = teams.membersOf(team.teamId);
        Map<String, String> names = teams.displayNames(members);
        ProgressSummaries summaries = progress.summarize(new ProgressSummaryRequest(members, team.courseId, asOf.toString(), DAYS));
        return TeamDashboardRules.dashboard(team.teamId, summaries, names);
    }
}
