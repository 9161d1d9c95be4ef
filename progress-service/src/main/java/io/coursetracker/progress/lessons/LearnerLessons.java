package io.coursetracker.progress.lessons;

import io.coursetracker.contracts.api.LearnerProgress;
import io.coursetracker.contracts.catalog.CourseCatalog;
import io.coursetracker.progress.catalogs.CatalogRepository;
import io.coursetracker.progress.learners.LearnerSettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** A learner's lesson progress in the courses they follow, from the mentions of their live notes. */
@ApplicationScoped
public class LearnerLessons {
    private final LearnerSettingsRepository learners;
    private final LessonMentionRepository mentions;
    private final CatalogRepository catalogs;

    public LearnerLessons(LearnerSettingsRepository learners, LessonMentionRepository mentions, CatalogRepository catalogs) {
        this.learners = learners;
        this.mentions = mentions;
        this.catalogs = catalogs;
    }

    public LearnerProgress progress(String learnerId) {
        List<CourseCatalog> followed = catalogs.forIds(learners.coursesOf(learnerId));
        List<ActivityMention> activityMentions = mentions.ofLearner(learnerId).stream()
                .map(LessonMentionRow::toActivityMention)
                .toList();
        return LessonProgressCalculator.progress(followed, activityMentions);
    }
}
