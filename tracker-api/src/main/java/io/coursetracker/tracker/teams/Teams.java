package io.coursetracker.tracker.teams;

import io.coursetracker.contracts.api.ProgressSummaryRequest;
import io.coursetracker.contracts.api.TeamView;
import io.coursetracker.support.catalogs.CatalogDirectory;
import io.coursetracker.support.security.Caller;
import io.coursetracker.support.web.ApiException;
import io.coursetracker.tracker.learners.LearnerErased;
import io.coursetracker.tracker.learners.LearnerRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Teams and memberships, and who may do what with them. A learner who may not act on a team gets
 * 403 whether or not the team exists; only an admin is told (404) that a team or learner is unknown.
 * An owner's invitation is answered alike whether or not a learner has the id: it is kept either way
 * and takes effect only when a learner with that id accepts it. A team holds at most
 * {@link TeamLimits#max()} members and invitations together; one more is a 409 naming the limit.
 */
@ApplicationScoped
public class Teams {
    static final Pattern TEAM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** The rule learner ids follow (LearnerRegistration's): an owner naming anything else gets a 400. */
    static final Pattern LEARNER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MAX_NAME = 100;

    private final TeamRepository teams;
    private final TeamMembershipRepository memberships;
    private final LearnerRepository learners;
    private final CatalogDirectory catalogs;
    private final int maxMembers;

    public Teams(TeamRepository teams, TeamMembershipRepository memberships, LearnerRepository learners, CatalogDirectory catalogs,
                 TeamLimits limits) {
        this.teams = teams;
        this.memberships = memberships;
        this.learners = learners;
        this.catalogs = catalogs;
        this.maxMembers = limits.max();
    }

    /** A limit no dashboard can serve is refused at start-up, not found out by a team's permanent 503. */
    void checkLimits(@Observes StartupEvent startup) {
        if (maxMembers < 1 || maxMembers > ProgressSummaryRequest.MAX_LEARNERS) {
            throw new IllegalStateException("tracker.teams.members.max is " + maxMembers + "; it must be 1 to "
                    + ProgressSummaryRequest.MAX_LEARNERS + ", the most learners one summary call to progress-service serves");
        }
    }

    /** What {@link #putMember} did. */
    public enum Outcome { ADDED, INVITED }

    /** A team and the caller's role in it. */
    public record Access(Team team, TeamRole role) {
    }

    @Transactional
    public TeamView create(NewTeam request) {
        if (request == null) {
            throw ApiException.badRequest("missing body", "send {\"id\",\"name\",\"course\",\"owner\"}");
        }
        if (request.id() == null || !TEAM_ID.matcher(request.id()).matches()) {
            throw ApiException.badRequest("invalid team id", "id must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String name = request.name() == null || request.name().isBlank() ? request.id() : request.name().strip();
        if (name.length() > MAX_NAME) {
            throw ApiException.badRequest("invalid name", "name must be at most " + MAX_NAME + " characters");
        }
        if (request.course() == null || request.course().isBlank()) {
            throw ApiException.badRequest("missing course", "course names the course the team follows, e.g. fastai-part1-2022");
        }
        if (request.owner() == null || request.owner().isBlank()) {
            throw ApiException.badRequest("missing owner", "owner names the learner who leads the team");
        }
        if (catalogs.catalog(request.course()).isEmpty()) {
            throw ApiException.notFound("unknown course", "no course '" + request.course() + "'");
        }
        if (learners.findByIdOptional(request.owner()).isEmpty()) {
            throw ApiException.notFound("unknown learner", "no learner '" + request.owner() + "'");
        }
        if (teams.findByIdOptional(request.id()).isPresent()) {
            throw new ApiException(409, "team exists", "a team '" + request.id() + "' already exists");
        }
        Team team = new Team();
        team.teamId = request.id();
        team.name = name;
        team.courseId = request.course();
        team.ownerId = request.owner();
        team.createdAt = Instant.now();
        teams.persist(team);
        return view(team, TeamRole.ADMIN);
    }

    @Transactional
    public List<TeamView> visibleTo(Caller caller) {
        if (caller.isAdmin()) {
            return teams.allById().stream().map(team -> view(team, TeamRole.ADMIN)).toList();
        }
        String learnerId = ((Caller.Learner) caller).learnerId();
        return teams.relatedTo(learnerId).stream()
                .map(team -> view(team, TeamRole.of(caller, team, memberships.of(team.teamId, learnerId))))
                .toList();
    }

    /** The team if the caller may see it: members, the owner, an admin, and (its name only) an invited learner. */
    @Transactional
    public TeamView view(Caller caller, String teamId) {
        Access access = access(caller, teamId);
        if (access.role() == TeamRole.NONE) {
            throw ApiException.forbidden();
        }
        return view(access.team(), access.role());
    }

    /** The team if the caller may read its dashboard (members, owner, admin); 403/404 otherwise. */
    @Transactional
    public Team forDashboard(Caller caller, String teamId) {
        Access access = access(caller, teamId);
        if (!access.role().readsDashboard()) {
            throw ApiException.forbidden();
        }
        return access.team();
    }

    /**
     * An admin adds the learner (404 if there is none); the owner invites them, and is answered alike
     * whether or not a learner has the id (the invitation takes effect only when one accepts it).
     * Adding or inviting again changes nothing. A new member or invitation beyond the team's limit: 409.
     */
    @Transactional
    public Outcome putMember(Caller caller, String teamId, String learnerId) {
        Access access = access(caller, teamId);
        if (access.role() != TeamRole.ADMIN && access.role() != TeamRole.OWNER) {
            throw ApiException.forbidden();
        }
        boolean admin = access.role() == TeamRole.ADMIN;
        if (admin && learners.findByIdOptional(learnerId).isEmpty()) {
            throw ApiException.notFound("unknown learner", "no learner '" + learnerId + "'");
        }
        if (!admin && (learnerId == null || !LEARNER_ID.matcher(learnerId).matches())) {
            throw ApiException.badRequest("invalid learner id",
                    "a learner id is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        Optional<TeamMembership> existing = memberships.of(teamId, learnerId);
        if (existing.isPresent() && (existing.get().isMember() || !admin)) {
            return existing.get().isMember() ? Outcome.ADDED : Outcome.INVITED;
        }
        if (existing.isEmpty()) {
            teams.getEntityManager().lock(access.team(), LockModeType.PESSIMISTIC_WRITE); // one place, one taker
            if (memberships.count("key.teamId", teamId) >= maxMembers) {
                throw new ApiException(409, "team full", "a team has at most " + maxMembers
                        + " members and invitations together; remove a member or withdraw an invitation first");
            }
        }
        TeamMembership membership = existing.orElseGet(TeamMembership::new);
        membership.key = new TeamMembership.Key(teamId, learnerId);
        membership.since = Instant.now();
        membership.state = admin ? TeamMembership.MEMBER : TeamMembership.INVITED;
        memberships.persist(membership);
        return admin ? Outcome.ADDED : Outcome.INVITED;
    }

    /** An erased learner's memberships and invitations go in the erasing transaction. */
    void learnerErased(@Observes LearnerErased erased) {
        memberships.delete("key.learnerId", erased.learnerId());
    }

    /** The invited learner joins; a member accepting again changes nothing. Anyone else: 403. */
    @Transactional
    public void accept(Caller caller, String teamId) {
        if (caller.isAdmin()) {
            access(caller, teamId); // 404 for an unknown team
            throw new ApiException(403, "forbidden", "only the invited learner accepts an invitation; an admin adds members with PUT");
        }
        String learnerId = ((Caller.Learner) caller).learnerId();
        TeamMembership membership = memberships.of(teamId, learnerId).orElseThrow(ApiException::forbidden);
        membership.state = TeamMembership.MEMBER;
        membership.since = Instant.now();
    }

    /** An admin or the owner removes a member or withdraws an invitation; a learner leaves or declines. */
    @Transactional
    public void removeMember(Caller caller, String teamId, String learnerId) {
        Access access = access(caller, teamId);
        boolean self = caller.mayActFor(learnerId) && !caller.isAdmin();
        if (access.role() != TeamRole.ADMIN && access.role() != TeamRole.OWNER && !self) {
            throw ApiException.forbidden();
        }
        Optional<TeamMembership> membership = memberships.of(teamId, learnerId);
        if (membership.isEmpty()) {
            if (self && access.role() != TeamRole.OWNER) {
                throw ApiException.forbidden(); // not told whether the team exists
            }
            throw ApiException.notFound("not a member", "'" + learnerId + "' is neither a member of nor invited to team '" + teamId + "'");
        }
        memberships.delete(membership.get());
    }

    /** The members (joined, not invited) of the team, by learner id. */
    @Transactional
    public List<String> membersOf(String teamId) {
        return memberships.learners(teamId, TeamMembership.MEMBER);
    }

    @Transactional
    public List<Team> all() {
        return teams.allById();
    }

    private Access access(Caller caller, String teamId) {
        Optional<Team> team = teamId == null ? Optional.empty() : teams.findByIdOptional(teamId);
        if (team.isEmpty()) {
            if (caller.isAdmin()) {
                throw ApiException.notFound("unknown team", "no team '" + teamId + "'");
            }
            throw ApiException.forbidden();
        }
        Optional<TeamMembership> membership = caller.isAdmin() ? Optional.empty()
                : memberships.of(teamId, ((Caller.Learner) caller).learnerId());
        return new Access(team.get(), TeamRole.of(caller, team.get(), membership));
    }

    private TeamView view(Team team, TeamRole role) {
        List<String> members = role == TeamRole.INVITED ? List.of() : memberships.learners(team.teamId, TeamMembership.MEMBER);
        List<String> invited = role.seesInvitations() ? memberships.learners(team.teamId, TeamMembership.INVITED) : List.of();
        return new TeamView(team.teamId, team.name, team.courseId, team.ownerId, role.wireName(), members, invited);
    }

    /** The display name of each of these learners that exists, by id. */
    @Transactional
    public Map<String, String> displayNames(List<String> learnerIds) {
        Map<String, String> names = new HashMap<>();
        for (String id : learnerIds) {
            learners.findByIdOptional(id).ifPresent(learner -> names.put(id, learner.displayName));
        }
        return names;
    }
}
