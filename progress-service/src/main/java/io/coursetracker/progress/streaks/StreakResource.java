package io.coursetracker.progress.streaks;

import io.coursetracker.contracts.api.CalendarEntry;
import io.coursetracker.contracts.api.LearnerStreak;
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
import java.util.List;

/** progress-service's streak and calendar reads, which tracker-api passes on. */
@Path("/v1/learners/{learner}")
@Produces(MediaType.APPLICATION_JSON)
public class StreakResource {
    private final Authenticator authenticator;
    private final LearnerStreaks streaks;

    public StreakResource(Authenticator authenticator, LearnerStreaks streaks) {
        this.authenticator = authenticator;
        this.streaks = streaks;
    }

    @GET
    @Path("/streak")
    public LearnerStreak streak(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @PathParam("learner") String learnerId,
                                @QueryParam("asOf") String asOf) {
        authenticator.authorizeFor(authorization, learnerId);
        return streaks.streak(learnerId, ReadDates.parse("asOf", asOf, streaks.today(learnerId)));
    }

    @GET
    @Path("/calendar")
    public List<CalendarEntry> calendar(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                        @PathParam("learner") String learnerId,
                                        @QueryParam("from") String from,
                                        @QueryParam("to") String to,
                                        @QueryParam("asOf") String asOf) {
        authenticator.authorizeFor(authorization, learnerId);
        LocalDate day = ReadDates.parse("asOf", asOf, streaks.today(learnerId));
        return streaks.calendar(learnerId, ReadDates.calendarRange(from, to, day), day);
    }
}
