package io.coursetracker.tracker.teams;

import io.coursetracker.contracts.api.TeamDashboard;
import io.coursetracker.contracts.api.TeamView;
import io.coursetracker.support.security.Caller;
import io.coursetracker.support.web.DateParameters;
import io.coursetracker.tracker.learners.TrackerAuthenticator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** Teams (SPEC sections 4, 5, 7): an admin creates them and adds members, the owner invites, a learner accepts or leaves. */
@Path("/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {
    private final TrackerAuthenticator authenticator;
    private final Teams teams;
    private final TeamDashboards dashboards;

    public TeamResource(TrackerAuthenticator authenticator, Teams teams, TeamDashboards dashboards) {
        this.authenticator = authenticator;
        this.teams = teams;
        this.dashboards = dashboards;
    }

    /** What a 202 to an owner's {@code PUT} says. */
    public record Invitation(String team, String learner, String status) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, NewTeam request) {
        authenticator.requireAdmin(authorization);
        TeamView team = teams.create(request);
        return Response.created(URI.create("/v1/teams/" + team.id())).entity(team).build();
    }

    @GET
    public List<TeamView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return teams.visibleTo(authenticator.authenticate(authorization));
    }

    @GET
    @Path("/{id}")
    public TeamView get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String teamId) {
        return teams.view(authenticator.authenticate(authorization), teamId);
    }

    /**
     * Admin: 204, the learner is a member (404 if there is no such learner). Owner: 202, the id is
     * invited, answered alike whether or not a learner has it; a learner with that id joins on
     * accepting. A team already holding {@link TeamLimits#max()} members and invitations: 409.
     */
    @PUT
    @Path("/{id}/members/{learner}")
    public Response putMember(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String teamId,
                              @PathParam("learner") String learnerId) {
        Caller caller = authenticator.authenticate(authorization);
        Teams.Outcome outcome = teams.putMember(caller, teamId, learnerId);
        return outcome == Teams.Outcome.ADDED
                ? Response.noContent().build()
                : Response.accepted(new Invitation(teamId, learnerId, "invited")).build();
    }

    @POST
    @Path("/{id}/invitations/accept")
    public Response accept(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String teamId) {
        teams.accept(authenticator.authenticate(authorization), teamId);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}/members/{learner}")
    public Response removeMember(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String teamId,
                                 @PathParam("learner") String learnerId) {
        teams.removeMember(authenticator.authenticate(authorization), teamId, learnerId);
        return Response.noContent().build();
    }

    /**
     * Members, the owner and an admin; {@code asOf} defaults to today in the owner's time zone and
     * is read by the platform's date rule ({@link DateParameters}): a 400 naming it otherwise.
     */
    @GET
    @Path("/{id}/dashboard")
    public TeamDashboard dashboard(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String teamId,
                                   @QueryParam("asOf") String asOf) {
        Team team = teams.forDashboard(authenticator.authenticate(authorization), teamId);
        LocalDate day = DateParameters.parse("asOf", asOf, null);
        return dashboards.dashboard(team, day == null ? dashboards.today(team) : day);
    }
}
