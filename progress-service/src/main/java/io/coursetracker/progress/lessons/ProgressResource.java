package io.coursetracker.progress.lessons;

import io.coursetracker.contracts.api.LearnerProgress;
import io.coursetracker.support.security.Authenticator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** progress-service's read API on 8082, which tracker-api passes on; same paths, same token rules. */
@Path("/v1/learners/{learner}")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressResource {
    private final Authenticator authenticator;
    private final LearnerLessons lessons;

    public ProgressResource(Authenticator authenticator, LearnerLessons lessons) {
        this.authenticator = authenticator;
        this.lessons = lessons;
    }

    @GET
    @Path("/progress")
    public LearnerProgress progress(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                    @PathParam("learner") String learnerId) {
        authenticator.authorizeFor(authorization, learnerId);
        return lessons.progress(learnerId);
    }
}
