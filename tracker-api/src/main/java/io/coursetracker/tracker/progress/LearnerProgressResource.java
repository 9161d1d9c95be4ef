package io.coursetracker.tracker.progress;

import io.coursetracker.contracts.api.CalendarEntry;
import io.coursetracker.contracts.api.LearnerDashboard;
import io.coursetracker.contracts.api.LearnerProgress;
import io.coursetracker.contracts.api.LearnerQuestion;
import io.coursetracker.contracts.api.LearnerStreak;
import io.coursetracker.support.web.DateParameters;
import io.coursetracker.tracker.learners.TrackerAuthenticator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.util.List;

/**
 * A learner's own reads: tracker-api checks the bearer token or the web page's session cookie,
 * progress-service (8082) answers (called with the service credential). Date parameters are read
 * here by the same rule progress-service applies ({@link DateParameters}), so a bad one is this
 * service's 400, naming the parameter, before progress-service is asked.
 */
@Path("/v1/learners/{learner}")
@Produces(MediaType.APPLICATION_JSON)
public class LearnerProgressResource {
    private final TrackerAuthenticator authenticator;
    private final ProgressServiceClient progressService;
    private final DashboardPassThrough dashboards;

    public LearnerProgressResource(TrackerAuthenticator authenticator, @RestClient ProgressServiceClient progressService,
                                   DashboardPassThrough dashboards) {
        this.authenticator = authenticator;
        this.progressService = progressService;
        this.dashboards = dashboards;
    }

    @GET
    @Path("/progress")
    public LearnerProgress progress(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                    @PathParam("learner") String learnerId) {
        authenticator.authorizeFor(authorization, learnerId);
        return progressService.progress(learnerId);
    }

    @GET
    @Path("/streak")
    public LearnerStreak streak(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @PathParam("learner") String learnerId, @QueryParam("asOf") String asOf) {
        authenticator.authorizeFor(authorization, learnerId);
        return progressService.streak(learnerId, text(DateParameters.parse("asOf", asOf, null)));
    }

    @GET
    @Path("/calendar")
    public List<CalendarEntry> calendar(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                        @PathParam("learner") String learnerId, @QueryParam("from") String from,
                                        @QueryParam("to") String to, @QueryParam("asOf") String asOf) {
        authenticator.authorizeFor(authorization, learnerId);
        LocalDate day = DateParameters.parse("asOf", asOf, null);
        LocalDate last = DateParameters.parse("to", to, null);
        LocalDate first = DateParameters.parse("from", from, null);
        LocalDate end = last != null ? last : day;
        if (first != null && end != null) {
            // Without to and asOf the range ends today in the learner's zone: progress-service checks that one.
            DateParameters.checkRange("from", first, "to", end, DateParameters.MAX_RANGE_DAYS);
        }
        return progressService.calendar(learnerId, text(first), text(last), text(day));
    }

    @GET
    @Path("/questions")
    public List<LearnerQuestion> questions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                           @PathParam("learner") String learnerId, @QueryParam("status") String status) {
        authenticator.authorizeFor(authorization, learnerId);
        return progressService.questions(learnerId, status);
    }

    /**
     * The dashboard's JSON as progress-service answered it, not read into objects and written again:
     * for three years of notes it is over a hundred kilobytes, and tracker-api has nothing to change
     * in it. Asked conditionally ({@link DashboardPassThrough}): while the learner's reads have not
     * changed, progress-service answers 304 and the bytes tracker-api kept are served as they are.
     */
    @GET
    @Path("/dashboard")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LearnerDashboard.class)))
    public Response dashboard(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @PathParam("learner") String learnerId, @QueryParam("asOf") String asOf) {
        authenticator.authorizeFor(authorization, learnerId);
        return Response.ok(dashboards.dashboard(learnerId, text(DateParameters.parse("asOf", asOf, null))),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A date read here as progress-service reads it, YYYY-MM-DD, or null for a parameter not sent. */
    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
