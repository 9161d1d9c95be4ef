package io.coursetracker.tracker.teams;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<Team, String> {
    public List<Team> allById() {
        return list("ORDER BY teamId");
    }

    /** The teams the learner owns, or is a member of or invited to. */
    public List<Team> relatedTo(String learnerId) {
        return list("ownerId = ?1 OR teamId IN (SELECT m.key.teamId FROM TeamMembership m WHERE m.key.learnerId = ?1) ORDER BY teamId",
                learnerId);
    }
}
