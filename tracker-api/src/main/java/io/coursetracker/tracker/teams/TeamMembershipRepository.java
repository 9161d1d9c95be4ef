package io.coursetracker.tracker.teams;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TeamMembershipRepository implements PanacheRepositoryBase<TeamMembership, TeamMembership.Key> {
    public Optional<TeamMembership> of(String teamId, String learnerId) {
        return findByIdOptional(new TeamMembership.Key(teamId, learnerId));
    }

    /** The team's memberships in one state, by learner id. */
    public List<String> learners(String teamId, String state) {
        return find("key.teamId = ?1 AND state = ?2 ORDER BY key.learnerId", teamId, state).stream()
                .map(membership -> membership.key.learnerId())
                .toList();
    }
}
