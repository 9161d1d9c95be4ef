package io.coursetracker.progress.lessons;

import io.coursetracker.contracts.api.LearnerProgress;
import io.coursetracker.contracts.catalog.CourseCatalog;
import io.coursetracker.contracts.note.Activity;
import io.coursetracker.progress.catalogs.CatalogRepository;
import io.coursetracker.progress.learners.LearnerSettingsRepository;
import io.coursetracker.support.security.Authenticator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** progress-service's read API on 8082, which tracker-api passes on; same paths, same token rules. */
@Path("/v1/learners/{learner}")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressResource {
    private final Authenticator authenticator;
    private final LearnerSettingsRepository learners;
    private final LessonMentionRepository mentions;
    private final CatalogRepository catalogs;

    public ProgressResource(Authenticator authenticator, LearnerSettingsRepository learners, LessonMentionRepository mentions,
                            CatalogRepository catalogs) {
        this.authenticator = authenticator;
        this.learners = learners;
        this.mentions = mentions;
        this.catalogs = catalogs;
    }

    @GET
    @Path("/progress")
    public LearnerProgress progress(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                    @PathParam("learner") String learnerId) {
        authenticator.authorizeFor(authorization, learnerId);
        List<CourseCatalog> followed = catalogs.forIds(learners.coursesOf(learnerId));
        List<ActivityMention> activityMentions = mentions.ofLearner(learnerId).stream()
                .map(row -> new ActivityMention(row.courseId, row.lesson, Activity.fromWireName(row.activity), row.done))
                .toList();
        return LessonProgressCalculator.progress(followed, activityMentions);
    }
}
