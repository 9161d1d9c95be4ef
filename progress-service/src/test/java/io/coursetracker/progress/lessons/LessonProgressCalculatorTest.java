package io.coursetracker.progress.lessons;

import io.coursetracker.contracts.api.LearnerProgress;
import io.coursetracker.contracts.api.LessonStatus;
import io.coursetracker.contracts.catalog.BundledCatalogs;
import io.coursetracker.contracts.note.Activity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LessonProgressCalculatorTest {
    private static final String FASTAI = BundledCatalogs.FASTAI_PART1_2022;

    @Test
    void aCheckedWatchTaskMakesTheLessonAQuarterDone() {
        LearnerProgress progress = LessonProgressCalculator.progress(List.of(BundledCatalogs.fastaiPart1()),
                List.of(new ActivityMention(FASTAI, 1, Activity.WATCH, true)));

        LearnerProgress.CourseProgress course = progress.courses().get(0);
        LearnerProgress.LessonProgress lesson1 = course.lessons().get(0);
        assertThat(lesson1.status()).isEqualTo(LessonStatus.IN_PROGRESS);
        assertThat(lesson1.completion()).isEqualTo(0.25);
        assertThat(lesson1.activities()).isEqualTo(new LearnerProgress.Activities(true, false, false, false));
        assertThat(course.lessons()).hasSize(8);
        assertThat(course.lessons().subList(1, 8)).allMatch(l -> l.status() == LessonStatus.NOT_STARTED);
        assertThat(course.completion()).isEqualTo(0.25 / 8);
    }

    @Test
    void allFourActivitiesCompleteALessonAndUncheckedMentionsOnlyStartOne() {
        List<ActivityMention> mentions = List.of(
                new ActivityMention(FASTAI, 2, Activity.WATCH, true),
                new ActivityMention(FASTAI, 2, Activity.READ, true),
                new ActivityMention(FASTAI, 2, Activity.NOTEBOOK, true),
                new ActivityMention(FASTAI, 2, Activity.QUESTIONNAIRE, true),
                new ActivityMention(FASTAI, 3, Activity.WATCH, false),
                new ActivityMention(FASTAI, 4, null, true));

        List<LearnerProgress.LessonProgress> lessons = LessonProgressCalculator
                .progress(List.of(BundledCatalogs.fastaiPart1()), mentions).courses().get(0).lessons();

        assertThat(lessons.get(1).status()).isEqualTo(LessonStatus.COMPLETED);
        assertThat(lessons.get(1).completion()).isEqualTo(1.0);
        assertThat(lessons.get(2).status()).isEqualTo(LessonStatus.IN_PROGRESS);
        assertThat(lessons.get(2).completion()).isZero();
        assertThat(lessons.get(3).status()).as("a checked task naming no activity").isEqualTo(LessonStatus.IN_PROGRESS);
        assertThat(lessons.get(3).completion()).isZero();
    }

    @Test
    void mentionsOfCoursesTheLearnerDoesNotFollowAreNotShown() {
        LearnerProgress progress = LessonProgressCalculator.progress(List.of(),
                List.of(new ActivityMention(FASTAI, 1, Activity.WATCH, true)));
        assertThat(progress.courses()).isEmpty();
    }
}
