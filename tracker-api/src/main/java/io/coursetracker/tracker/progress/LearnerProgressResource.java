package io.coursetracker.tracker.progress;

import io.coursetracker.contracts.api.LearnerProgress;
import io.coursetracker.tracker.learners.TrackerAuthenticator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

@Path("/v1/learners/{learner}")
@Produces(MediaType.APPLICATION_JSON)
public class LearnerProgressResource {
    private final TrackerAuthenticator authenticator;
    private final ProgressServiceClient progressService;

    public LearnerProgressResource(TrackerAuthenticator authenticator, @RestClient ProgressServiceClient progressService) {
        this.authenticator = authenticator;
        this.progressService = progressService;
    }

    @GET
    @Path("/progress")
    public LearnerProgress progress(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                    @PathParam("learner") String learnerId) {
        authenticator.authorizeFor(authorization, learnerId);
        return progressService.progress(authorization, learnerId);
    }
}
