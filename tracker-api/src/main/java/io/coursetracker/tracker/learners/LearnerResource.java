package io.coursetracker.tracker.learners;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

@Path("/v1/learners")
@Produces(MediaType.APPLICATION_JSON)
public class LearnerResource {
    private final TrackerAuthenticator authenticator;
    private final LearnerRegistration registration;

    public LearnerResource(TrackerAuthenticator authenticator, LearnerRegistration registration) {
        this.authenticator = authenticator;
        this.registration = registration;
    }

    /** Admin only: creates a learner and shows its token, once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, NewLearner request) {
        authenticator.requireAdmin(authorization);
        LearnerRegistration.Created created = registration.register(request);
        return Response.created(URI.create("/v1/learners/" + created.id())).entity(created).build();
    }
}
