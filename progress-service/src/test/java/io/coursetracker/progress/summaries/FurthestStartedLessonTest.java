package io.coursetracker.progress.summaries;

import io.coursetracker.contracts.api.LearnerProgress.Activities;
import io.coursetracker.contracts.api.LearnerProgress.CourseProgress;
import io.coursetracker.contracts.api.LearnerProgress.LessonProgress;
import io.coursetracker.contracts.api.LessonStatus;
import io.coursetracker.contracts.api.ProgressSummaries.StartedLesson;
import io.coursetracker.progress.questions.AskedQuestion;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain JUnit: which lesson a team's "stuck" list looks at, its last activity and its open questions. */
class FurthestStartedLessonTest {
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-20");
    private static final Activities NONE = new Activities(false, false, false, false);

    private static LessonProgress lesson(int number, LessonStatus status) {
        return new LessonProgress(number, "Lesson " + number, status, status == LessonStatus.COMPLETED ? 1 : 0.25, NONE);
    }

    private static CourseProgress course(LessonProgress... lessons) {
        return new CourseProgress("fastai-part1-2022", "fast.ai", 0, List.of(lessons));
    }

    @Test
    void noLessonInProgressMeansNothingStarted() {
        CourseProgress progress = course(lesson(1, LessonStatus.COMPLETED), lesson(2, LessonStatus.NOT_STARTED));
        assertThat(FurthestStartedLesson.find(progress, Map.of(), Map.of(), List.of(), AS_OF)).isNull();
    }

    @Test
    void theInProgressLessonWithTheHighestNumberWithItsLatestDatedMentionAndOpenQuestions() {
        CourseProgress progress = course(lesson(1, LessonStatus.IN_PROGRESS), lesson(2, LessonStatus.COMPLETED),
                lesson(3, LessonStatus.IN_PROGRESS), lesson(4, LessonStatus.NOT_STARTED));
        Map<Integer, Set<String>> notes = Map.of(
                1, Set.of("Daily/2026-11-19.md"),
                3, Set.of("Daily/2026-11-05.md", "Daily/2026-11-09.md", "Daily/2026-11-25.md", "Ideas/undated.md"));
        Map<String, LocalDate> dates = new HashMap<>();
        dates.put("Daily/2026-11-19.md", LocalDate.parse("2026-11-19"));
        dates.put("Daily/2026-11-05.md", LocalDate.parse("2026-11-05"));
        dates.put("Daily/2026-11-09.md", LocalDate.parse("2026-11-09"));
        dates.put("Daily/2026-11-25.md", LocalDate.parse("2026-11-25")); // after asOf: not counted
        dates.put("Ideas/undated.md", null);
        List<AskedQuestion> asked = List.of(
                new AskedQuestion("Daily/2026-11-05.md", LocalDate.parse("2026-11-05"), "Why does the loss plateau?", false, List.of()),
                new AskedQuestion("Daily/2026-11-05.md", LocalDate.parse("2026-11-05"), "What is a tensor?", false, List.of()),
                // answered in a note that does not mention lesson 3: still answered
                new AskedQuestion("Daily/2026-11-19.md", LocalDate.parse("2026-11-19"), "what is a  TENSOR", true, List.of()),
                // asked only in a note about lesson 1: not lesson 3's
                new AskedQuestion("Daily/2026-11-19.md", LocalDate.parse("2026-11-19"), "How do I export a model?", false, List.of()),
                new AskedQuestion("Ideas/undated.md", null, "Is SGD the same as Adam?", false, List.of()));

        StartedLesson started = FurthestStartedLesson.find(progress, notes, dates, asked, AS_OF);

        assertThat(started.lesson()).isEqualTo(3);
        assertThat(started.lastActivity()).isEqualTo(LocalDate.parse("2026-11-09"));
        assertThat(started.openQuestions()).containsExactly("Why does the loss plateau?", "Is SGD the same as Adam?");
    }

    @Test
    void aLessonOnlyUndatedNotesMentionHasNoLastActivity() {
        CourseProgress progress = course(lesson(2, LessonStatus.IN_PROGRESS));
        Map<String, LocalDate> dates = new HashMap<>();
        dates.put("Ideas/lesson2.md", null);
        StartedLesson started = FurthestStartedLesson.find(progress, Map.of(2, Set.of("Ideas/lesson2.md")), dates, List.of(), AS_OF);
        assertThat(started.lesson()).isEqualTo(2);
        assertThat(started.lastActivity()).isNull();
        assertThat(started.openQuestions()).isEmpty();
    }
}
