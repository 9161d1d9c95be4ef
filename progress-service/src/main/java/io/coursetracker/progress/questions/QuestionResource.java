package io.coursetracker.progress.questions;

import io.coursetracker.contracts.api.LearnerQuestion;
import io.coursetracker.support.security.Authenticator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** {@code GET /v1/learners/{id}/questions?status=open|answered|all} (default all). */
@Path("/v1/learners/{learner}/questions")
@Produces(MediaType.APPLICATION_JSON)
public class QuestionResource {
    private final Authenticator authenticator;
    private final LearnerQuestions questions;

    public QuestionResource(Authenticator authenticator, LearnerQuestions questions) {
        this.authenticator = authenticator;
        this.questions = questions;
    }

    @GET
    public List<LearnerQuestion> questions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                           @PathParam("learner") String learnerId,
                                           @QueryParam("status") String status) {
        authenticator.authorizeFor(authorization, learnerId);
        return questions.of(learnerId, LearnerQuestions.Status.parse(status));
    }
}
