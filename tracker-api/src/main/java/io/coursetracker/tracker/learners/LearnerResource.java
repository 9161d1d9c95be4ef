package io.coursetracker.tracker.learners;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
    private final LearnerSettingsUpdate settings;
    private final LearnerTokenRotation rotation;
    private final LearnerErasure erasure;

    public LearnerResource(TrackerAuthenticator authenticator, LearnerRegistration registration, LearnerSettingsUpdate settings,
                           LearnerTokenRotation rotation, LearnerErasure erasure) {
        this.authenticator = authenticator;
        this.registration = registration;
        this.settings = settings;
        this.rotation = rotation;
        this.erasure = erasure;
    }

    /** Admin only: creates a learner and shows its token, once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, NewLearner request) {
        authenticator.requireAdmin(authorization);
        LearnerRegistration.Created created = registration.register(request);
        return Response.created(URI.create("/v1/learners/" + created.id())).entity(created).build();
    }

    /**
     * The learner or an admin: changes any of displayName, timezone, courses, restDaysPerWeek and
     * answers the learner's settings (never the token) once every service can read the change.
     */
    @PATCH
    @Path("/{id}")
    public LearnerSettingsView change(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                      @PathParam("id") String learnerId, byte[] body) {
        authenticator.authorizeFor(authorization, learnerId);
        return settings.change(learnerId, body);
    }

    /**
     * The learner or an admin: a new token, shown once; the old one stops working on every service
     * within a second (tracker-api at once).
     */
    @POST
    @Path("/{id}/token")
    public LearnerTokenRotation.Rotated rotateToken(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                                    @PathParam("id") String learnerId) {
        authenticator.authorizeFor(authorization, learnerId);
        return rotation.rotate(learnerId);
    }

    /** The learner or an admin: erases the learner on every service (their notes, progress, memberships, token). */
    @DELETE
    @Path("/{id}")
    public Response erase(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @PathParam("id") String learnerId) {
        authenticator.authorizeFor(authorization, learnerId);
        erasure.erase(learnerId);
        return Response.noContent().build();
    }
}
