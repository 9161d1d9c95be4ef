package io.coursetracker.tracker.progress;

import io.coursetracker.contracts.api.CalendarEntry;
import io.coursetracker.contracts.api.LearnerProgress;
import io.coursetracker.contracts.api.LearnerQuestion;
import io.coursetracker.contracts.api.LearnerStreak;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/**
 * progress-service's read API (8082). tracker-api decides who may read what (a bearer token or the
 * web page's session cookie, which has no token to pass on) and then reads as the platform itself,
 * with the admin token ({@link ProgressServiceCredential}).
 */
@RegisterRestClient(configKey = "progress-service")
@RegisterProvider(ProgressServiceErrors.class)
@RegisterClientHeaders(ProgressServiceCredential.class)
@Path("/v1/learners/{learner}")
@Produces(MediaType.APPLICATION_JSON)
public interface ProgressServiceClient {
    @GET
    @Path("/progress")
    LearnerProgress progress(@PathParam("learner") String learnerId);

    @GET
    @Path("/streak")
    LearnerStreak streak(@PathParam("learner") String learnerId, @QueryParam("asOf") String asOf);

    @GET
    @Path("/calendar")
    List<CalendarEntry> calendar(@PathParam("learner") String learnerId,
                                 @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("asOf") String asOf);

    @GET
    @Path("/questions")
    List<LearnerQuestion> questions(@PathParam("learner") String learnerId, @QueryParam("status") String status);

    /**
     * As progress-service wrote it: tracker-api passes the JSON on without reading it. Asked with
     * the ETag of the body tracker-api kept, if any: 304 means that body is current, 200 brings the
     * new one and its ETag ({@link DashboardPassThrough}).
     */
    @GET
    @Path("/dashboard")
    Response dashboard(@PathParam("learner") String learnerId, @QueryParam("asOf") String asOf,
                       @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch);
}
