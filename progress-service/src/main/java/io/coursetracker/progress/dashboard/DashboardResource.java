package io.coursetracker.progress.dashboard;

import io.coursetracker.contracts.api.LearnerDashboard;
import io.coursetracker.progress.lessons.LearnerLessons;
import io.coursetracker.progress.questions.LearnerQuestions;
import io.coursetracker.progress.streaks.LearnerStreaks;
import io.coursetracker.progress.streaks.ReadDates;
import io.coursetracker.support.security.Authenticator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;

/**
 * {@code GET /v1/learners/{id}/dashboard?asOf=}: progress, streak, the 30-day calendar up to
 * {@code asOf} and all questions, each part as its own read answers it.
 */
@Path("/v1/learners/{learner}/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {
    private final Authenticator authenticator;
    private final LearnerLessons lessons;
    private final LearnerStreaks streaks;
    private final LearnerQuestions questions;

    public DashboardResource(Authenticator authenticator, LearnerLessons lessons, LearnerStreaks streaks, LearnerQuestions questions) {
        this.authenticator = authenticator;
        this.lessons = lessons;
        this.streaks = streaks;
        this.questions = questions;
    }

    @GET
    public LearnerDashboard dashboard(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                      @PathParam("learner") String learnerId,
                                      @QueryParam("asOf") String asOf) {
        authenticator.authorizeFor(authorization, learnerId);
        LocalDate day = ReadDates.parse("asOf", asOf, streaks.today(learnerId));
        return new LearnerDashboard(learnerId, day,
                lessons.progress(learnerId),
                streaks.streak(learnerId, day),
                streaks.calendar(learnerId, ReadDates.calendarRange(null, null, day), day),
                questions.of(learnerId, LearnerQuestions.Status.ALL));
    }
}
