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
 *
 * <p>The answer carries a strong {@code ETag} made of the stamp and the day ({@link #etag}), and a
 * request whose {@code If-None-Match} names the current one is answered 304 with no body, from one
 * primary-key read: tracker-api keeps the last body per learner and asks this way (a conditional
 * pass-through, docs/architecture.md). The tag names the content exactly: a body is tagged with the
 * stamp read before it was computed, and a body that already includes a later change is only ever
 * tagged with a stamp that change has moved on from, so that tag is never current again.
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
    @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag: the body the caller has is current")
    public Response dashboard(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @PathParam("learner") String learnerId,
                              @QueryParam("asOf") String asOf,
                              @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        authenticator.authorizeFor(authorization, learnerId);
        LocalDate day = ReadDates.parse("asOf", asOf, streaks.today(learnerId));
        // The stamp first: what is computed after it is at least as new (see ReadCache).
        ReadVersions.Stamp stamp = versions.of(learnerId);
        String etag = etag(stamp, day);
        if (matches(ifNoneMatch, etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        byte[] body = cache.get(new Key(learnerId, day), stamp, () -> write(compute(learnerId, day)), bytes -> bytes.length);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, etag).build();
    }

    /**
     * The dashboard's strong entity tag, quoted as HTTP wants it: the JSON's format ({@code d1},
     * to be moved when the dashboard's JSON changes shape), the learner's and the catalogs' stamps,
     * and the day it is as of (a read without {@code asOf} changes at the learner's midnight).
     */
    static String etag(ReadVersions.Stamp stamp, LocalDate day) {
        return "\"d1-" + stamp.learner() + "-" + stamp.catalogs() + "-" + day + "\"";
    }

    /** {@code If-None-Match}: one tag, a list of them, or {@code *}, compared weakly as RFC 9110 says for it. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
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
