package io.coursetracker.progress.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.api.LearnerDashboard;
import io.coursetracker.progress.lessons.LearnerLessons;
import io.coursetracker.progress.questions.LearnerQuestions;
import io.coursetracker.progress.reads.ReadCache;
import io.coursetracker.progress.reads.ReadVersions;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.LocalDate;

/**
 * {@code GET /v1/learners/{id}/dashboard?asOf=}: progress, streak, the 30-day calendar up to
 * {@code asOf} and all questions, each part as its own read answers it. The answer, already as
 * JSON, is kept in {@link ReadCache} until the learner's {@link ReadVersions} stamp moves: three
 * years of notes make it tens of kilobytes computed from thousands of rows, and dashboards are
 * read far more often than notes change.
 */
@Path("/v1/learners/{learner}/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {
    private record Key(String learnerId, LocalDate asOf) {
    }

    private final Authenticator authenticator;
    private final LearnerLessons lessons;
    private final LearnerStreaks streaks;
    private final LearnerQuestions questions;
    private final ReadVersions versions;
    private final ReadCache cache;
    private final ObjectMapper json;

    public DashboardResource(Authenticator authenticator, LearnerLessons lessons, LearnerStreaks streaks, LearnerQuestions questions,
                             ReadVersions versions, ReadCache cache, ObjectMapper json) {
        this.authenticator = authenticator;
        this.lessons = lessons;
        this.streaks = streaks;
        this.questions = questions;
        this.versions = versions;
        this.cache = cache;
        this.json = json;
    }

    @GET
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LearnerDashboard.class)))
    public Response dashboard(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @PathParam("learner") String learnerId,
                              @QueryParam("asOf") String asOf) {
        authenticator.authorizeFor(authorization, learnerId);
        LocalDate day = ReadDates.parse("asOf", asOf, streaks.today(learnerId));
        // The stamp first: what is computed after it is at least as new (see ReadCache).
        ReadVersions.Stamp stamp = versions.of(learnerId);
        byte[] body = cache.get(new Key(learnerId, day), stamp, () -> write(compute(learnerId, day)), bytes -> bytes.length);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    LearnerDashboard compute(String learnerId, LocalDate day) {
        LearnerStreaks.StreakAndCalendar streak = streaks.streakAndCalendar(learnerId, ReadDates.calendarRange(null, null, day), day);
        return new LearnerDashboard(learnerId, day,
                lessons.progress(learnerId),
                streak.streak(),
                streak.calendar(),
                questions.of(learnerId, LearnerQuestions.Status.ALL));
    }

    private byte[] write(LearnerDashboard dashboard) {
        try {
            return json.writeValueAsBytes(dashboard);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a dashboard failed", e);
        }
    }
}
