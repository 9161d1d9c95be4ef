package io.coursetracker.progress.lessons;

import io.coursetracker.contracts.api.LearnerProgress;
import io.coursetracker.contracts.api.LearnerProgress.Activities;
import io.coursetracker.contracts.api.LearnerProgress.CourseProgress;
import io.coursetracker.contracts.api.LearnerProgress.LessonProgress;
import io.coursetracker.contracts.api.LessonStatus;
import io.coursetracker.contracts.catalog.CatalogLesson;
import io.coursetracker.contracts.catalog.CourseCatalog;
import io.coursetracker.contracts.note.Activity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Lesson completion (SPEC section 2): a checked task's mention completes its activity; any mention
 * makes the lesson in progress; completion is done activities / 4 and a course's is the mean of
 * its lessons'. A pure function of the mentions in the notes as they are now.
 */
public final class LessonProgressCalculator {
    private static final int ACTIVITIES_PER_LESSON = Activity.values().length;

    private LessonProgressCalculator() {
    }

    public static LearnerProgress progress(List<CourseCatalog> followed, Collection<ActivityMention> mentions) {
        return new LearnerProgress(followed.stream().map(course -> courseProgress(course, mentions)).toList());
    }

    private static CourseProgress courseProgress(CourseCatalog course, Collection<ActivityMention> mentions) {
        List<LessonProgress> lessons = course.lessons().stream()
                .map(lesson -> lessonProgress(course.id(), lesson, mentions))
                .toList();
        double completion = lessons.isEmpty() ? 0 : lessons.stream().mapToDouble(LessonProgress::completion).sum() / lessons.size();
        return new CourseProgress(course.id(), course.title(), completion, lessons);
    }

    /** The activities of one lesson that the mentions complete. */
    public static Set<Activity> doneActivities(String courseId, int lesson, Collection<ActivityMention> mentions) {
        Set<Activity> done = EnumSet.noneOf(Activity.class);
        for (ActivityMention mention : mentions) {
            if (mention.done() && mention.activity() != null && mention.lesson() == lesson && mention.course().equals(courseId)) {
                done.add(mention.activity());
            }
        }
        return done;
    }

    /** Whether a lesson with these activities done is complete. */
    public static boolean completes(Set<Activity> done) {
        return done.size() == ACTIVITIES_PER_LESSON;
    }

    private static LessonProgress lessonProgress(String courseId, CatalogLesson lesson, Collection<ActivityMention> mentions) {
        Set<Activity> done = doneActivities(courseId, lesson.number(), mentions);
        boolean mentioned = mentions.stream().anyMatch(mention -> mention.course().equals(courseId) && mention.lesson() == lesson.number());
        Activities activities = new Activities(
                done.contains(Activity.WATCH), done.contains(Activity.NOTEBOOK),
                done.contains(Activity.READ), done.contains(Activity.QUESTIONNAIRE));
        double completion = (double) done.size() / ACTIVITIES_PER_LESSON;
        LessonStatus status = completes(done) ? LessonStatus.COMPLETED
                : mentioned ? LessonStatus.IN_PROGRESS
                : LessonStatus.NOT_STARTED;
        return new LessonProgress(lesson.number(), lesson.title(), status, completion, activities);
    }
}
