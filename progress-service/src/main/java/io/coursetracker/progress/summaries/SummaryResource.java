package io.coursetracker.progress.summaries;

import io.coursetracker.contracts.api.ProgressSummaries;
import io.coursetracker.contracts.api.ProgressSummaryRequest;
import io.coursetracker.contracts.catalog.CourseCatalog;
import io.coursetracker.progress.catalogs.CatalogRepository;
import io.coursetracker.progress.streaks.ReadDates;
import io.coursetracker.support.security.Authenticator;
import io.coursetracker.support.security.Caller;
import io.coursetracker.support.web.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code POST /v1/summaries}: the service-to-service read behind tracker-api's team dashboards and
 * team metrics. Only the admin token (the credential services share) may call it.
 */
@Path("/v1/summaries")
@Tag(name = "internal", description = "Calls between the platform's services; not for learners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SummaryResource {
    private final Authenticator authenticator;
    private final CatalogRepository catalogs;
    private final ProgressSummarizer summarizer;

    public SummaryResource(Authenticator authenticator, CatalogRepository catalogs, ProgressSummarizer summarizer) {
        this.authenticator = authenticator;
        this.catalogs = catalogs;
        this.summarizer = summarizer;
    }

    @POST
    @Operation(summary = "Summaries of many learners in one course as of one day (admin token only)",
            description = "Body {\"learners\":[..],\"course\":\"..\",\"asOf\":\"YYYY-MM-DD\",\"days\":30}. Per learner: the course's "
                    + "lessons (status, completion), the course's completion, current and longest streak and last active day at asOf, "
                    + "the active days among the `days` days up to asOf, and the in-progress lesson with the highest number with the "
                    + "latest study date (<= asOf) of a note mentioning it and the open questions those notes ask. A learner this "
                    + "service has not heard of yet reads as having no notes.")
    public ProgressSummaries summarize(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, ProgressSummaryRequest request) {
        Caller caller = authenticator.authenticate(authorization);
        if (!caller.isAdmin()) {
            throw ApiException.forbidden();
        }
        if (request == null || request.learners() == null || request.course() == null || request.asOf() == null) {
            throw ApiException.badRequest("missing field", "send {\"learners\":[..],\"course\":\"..\",\"asOf\":\"YYYY-MM-DD\"} and optionally \"days\"");
        }
        List<String> learners = List.copyOf(new LinkedHashSet<>(request.learners()));
        if (learners.size() > ProgressSummaryRequest.MAX_LEARNERS || learners.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw ApiException.badRequest("invalid learners", "learners must be at most " + ProgressSummaryRequest.MAX_LEARNERS + " non-blank ids");
        }
        int days = request.days() == null ? ProgressSummaryRequest.DEFAULT_DAYS : request.days();
        if (days < 1 || days > ReadDates.MAX_CALENDAR_DAYS) {
            throw ApiException.badRequest("invalid days", "days must be 1 to " + ReadDates.MAX_CALENDAR_DAYS);
        }
        LocalDate asOf = ReadDates.parse("asOf", request.asOf(), null);
        CourseCatalog course = catalogs.catalog(request.course())
                .orElseThrow(() -> ApiException.notFound("unknown course", "no course '" + request.course() + "'"));
        return summarizer.summarize(learners, course, asOf, days);
    }
}
