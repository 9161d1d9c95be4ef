package io.coursetracker.tracker.progress;

import io.coursetracker.contracts.api.CalendarEntry;
import io.coursetracker.contracts.api.LearnerDashboard;
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
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** progress-service's read API (8082). The caller's own token is passed on: progress-service applies the same rules. */
@RegisterRestClient(configKey = "progress-service")
@RegisterProvider(ProgressServiceErrors.class)
@Path("/v1/learners/{learner}")
@Produces(MediaType.APPLICATION_JSON)
public interface ProgressServiceClient {
    @GET
    @Path("/progress")
    LearnerProgress progress(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("learner") String learnerId);

    @GET
    @Path("/streak")
    LearnerStreak streak(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("learner") String learnerId,
                         @QueryParam("asOf") String asOf);

    @GET
    @Path("/calendar")
    List<CalendarEntry> calendar(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("learner") String learnerId,
                                 @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("asOf") String asOf);

    @GET
    @Path("/questions")
    List<LearnerQuestion> questions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("learner") String learnerId,
                                    @QueryParam("status") String status);

    @GET
    @Path("/dashboard")
    LearnerDashboard dashboard(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("learner") String learnerId,
                               @QueryParam("asOf") String asOf);
}
