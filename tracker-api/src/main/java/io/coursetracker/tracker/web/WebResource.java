package io.coursetracker.tracker.web;

import io.coursetracker.support.security.Caller;
import io.coursetracker.support.web.ApiException;
import io.coursetracker.tracker.learners.Learner;
import io.coursetracker.tracker.learners.LearnerRepository;
import io.coursetracker.tracker.learners.TrackerAuthenticator;
import io.coursetracker.contracts.api.TeamView;
import io.coursetracker.support.catalogs.CatalogDirectory;
import io.coursetracker.tracker.teams.Team;
import io.coursetracker.tracker.teams.Teams;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The web page: sign in once with a token (a form post, never a URL), then the learner's dashboard,
 * which reads the JSON API and the live event stream with the session cookie; and the team pages
 * ({@code /teams}, {@code /teams/{id}}) in the same layout ({@code templates/layout.html}, {@code /css/app.css}).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class WebResource {
    /** Content-Security-Policy of every page: our own scripts, styles and API only. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String error);

        static native TemplateInstance dashboard(String learnerId, String displayName, boolean admin);

        static native TemplateInstance learnerPicker(List<LearnerChoice> learners);

        static native TemplateInstance teams(List<TeamChoice> teams, String signedInAs, boolean admin);

        static native TemplateInstance team(String teamId, String name, String courseTitle, String ownerName, String role,
                                            String signedInAs, boolean admin);

        static native TemplateInstance teamDenied(String signedInAs, boolean admin, boolean unknown);
    }

    /** A team on the caller's list; {@code opens}: the caller may open its page (not just invited). */
    public record TeamChoice(String id, String name, String courseTitle, String role, int members, boolean opens) {
    }

    /** A learner an admin may open. */
    public record LearnerChoice(String id, String displayName) {
    }

    private static final int PICKER_LIMIT = 500;

    private final TrackerAuthenticator authenticator;
    private final WebSessions sessions;
    private final BrowserRequest browser;
    private final LearnerRepository learners;
    private final Teams teams;
    private final CatalogDirectory catalogs;

    public WebResource(TrackerAuthenticator authenticator, WebSessions sessions, BrowserRequest browser, LearnerRepository learners,
                       Teams teams, CatalogDirectory catalogs) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.browser = browser;
        this.learners = learners;
        this.teams = teams;
        this.catalogs = catalogs;
    }

    @GET
    public Response home() {
        return redirect(signedIn().isPresent() ? "/dashboard" : "/sign-in");
    }

    @GET
    @Path("sign-in")
    public Response signInPage() {
        if (signedIn().isPresent()) {
            return redirect("/dashboard");
        }
        return page(Response.ok(), Templates.signIn(null));
    }

    /** Checks the token, opens a session, and sends the browser on with the cookie; the token goes nowhere else. */
    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token) {
        browser.requireSameOrigin();
        Caller caller;
        try {
            if (token == null || token.isBlank()) {
                throw ApiException.unauthorized();
            }
            caller = authenticator.authenticateToken("Bearer " + token.trim());
        } catch (ApiException e) {
            return page(Response.status(401), Templates.signIn("That token was not recognised. Paste the whole token, starting with ct_."));
        }
        String sessionId = sessions.open(caller);
        return Response.seeOther(URI.create("/dashboard")).cookie(browser.sessionCookie(sessionId))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        browser.requireSameOrigin();
        browser.sessionId().ifPresent(sessions::close);
        return Response.seeOther(URI.create("/sign-in")).cookie(browser.expiredSessionCookie())
                .header("Cache-Control", "no-store").build();
    }

    /** The learner's dashboard; an admin picks a learner first ({@code ?learner=}). */
    @GET
    @Path("dashboard")
    public Response dashboard(@QueryParam("learner") String requested) {
        Optional<Caller> caller = signedIn();
        if (caller.isEmpty()) {
            return redirect("/sign-in");
        }
        String learnerId;
        if (caller.get() instanceof Caller.Learner learner) {
            learnerId = learner.learnerId();
        } else if (requested == null || requested.isBlank()) {
            List<LearnerChoice> choices = learners.findAll(Sort.by("learnerId")).page(Page.ofSize(PICKER_LIMIT)).list().stream()
                    .map(l -> new LearnerChoice(l.learnerId, l.displayName)).toList();
            return page(Response.ok(), Templates.learnerPicker(choices));
        } else {
            learnerId = requested;
        }
        Learner learner = learners.findByIdOptional(learnerId).orElse(null);
        if (learner == null) {
            // Only an admin can get here with an unknown id: a learner's session names an existing learner.
            return redirect("/dashboard");
        }
        return page(Response.ok(), Templates.dashboard(learner.learnerId, learner.displayName, caller.get().isAdmin()));
    }

    /** The caller's teams: those they own, belong to or are invited to (an admin: all). */
    @GET
    @Path("teams")
    public Response teamList() {
        Optional<Caller> caller = signedIn();
        if (caller.isEmpty()) {
            return redirect("/sign-in");
        }
        List<TeamChoice> choices = teams.visibleTo(caller.get()).stream()
                .map(t -> new TeamChoice(t.id(), t.name(), courseTitle(t.course()), t.role(), t.members().size(), !"invited".equals(t.role())))
                .toList();
        return page(Response.ok(), Templates.teams(choices, signedInAs(caller.get()), caller.get().isAdmin()));
    }

    /**
     * A team's page: members, the owner and an admin, as for {@code GET /v1/teams/{id}/dashboard}. Anyone
     * else gets the same 403 page whether or not the team exists; only an admin is told it does not (404).
     */
    @GET
    @Path("teams/{id}")
    public Response team(@PathParam("id") String teamId) {
        Optional<Caller> caller = signedIn();
        if (caller.isEmpty()) {
            return redirect("/sign-in");
        }
        String who = signedInAs(caller.get());
        Team team;
        TeamView view;
        try {
            team = teams.forDashboard(caller.get(), teamId);
            view = teams.view(caller.get(), teamId);
        } catch (ApiException e) {
            boolean unknown = e.status() == 404;
            return page(Response.status(unknown ? 404 : 403), Templates.teamDenied(who, caller.get().isAdmin(), unknown));
        }
        String ownerName = learners.findByIdOptional(team.ownerId).map(l -> l.displayName).orElse(team.ownerId);
        return page(Response.ok(), Templates.team(team.teamId, team.name, courseTitle(team.courseId), ownerName, view.role(),
                who, caller.get().isAdmin()));
    }

    private String signedInAs(Caller caller) {
        if (caller instanceof Caller.Learner learner) {
            return learners.findByIdOptional(learner.learnerId()).map(l -> l.displayName).orElse(learner.learnerId());
        }
        return "admin";
    }

    private String courseTitle(String courseId) {
        return catalogs.catalog(courseId).map(c -> c.title()).orElse(courseId);
    }

    private Optional<Caller> signedIn() {
        return browser.sessionId().flatMap(sessions::resume);
    }

    private static Response redirect(String path) {
        return Response.seeOther(URI.create(path)).header("Cache-Control", "no-store").build();
    }

    private static Response page(Response.ResponseBuilder response, TemplateInstance page) {
        return response.entity(page).type(MediaType.TEXT_HTML_TYPE)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CSP)
                .header("Referrer-Policy", "same-origin")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
