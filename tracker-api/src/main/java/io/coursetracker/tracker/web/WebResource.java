package io.coursetracker.tracker.web;

import io.coursetracker.support.security.Caller;
import io.coursetracker.support.web.ApiException;
import io.coursetracker.tracker.learners.Learner;
import io.coursetracker.tracker.learners.LearnerRepository;
import io.coursetracker.tracker.learners.TrackerAuthenticator;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The web page: sign in once with a token (a form post, never a URL), then the learner's dashboard,
 * which reads the JSON API and the live event stream with the session cookie. A team page joins as
 * another template of the same layout ({@code templates/layout.html}, {@code /css/app.css}).
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
    }

    /** A learner an admin may open. */
    public record LearnerChoice(String id, String displayName) {
    }

    private static final int PICKER_LIMIT = 500;

    private final TrackerAuthenticator authenticator;
    private final WebSessions sessions;
    private final BrowserRequest browser;
    private final LearnerRepository learners;

    public WebResource(TrackerAuthenticator authenticator, WebSessions sessions, BrowserRequest browser, LearnerRepository learners) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.browser = browser;
        this.learners = learners;
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
