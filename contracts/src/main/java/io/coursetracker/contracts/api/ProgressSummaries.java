package io.coursetracker.contracts.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Answer of progress-service's internal {@code POST /v1/summaries}: for one course and one day, each
 * learner's lessons, streak, active days in the window and the lesson they started furthest along.
 *
 * @param from    first day of the window ({@code asOf - days + 1}); {@code activeDays} lie in from..asOf
 * @param lessons the course's lessons in catalog order
 */
public record ProgressSummaries(String course, String title, LocalDate asOf, LocalDate from,
                                List<Lesson> lessons, List<LearnerSummary> learners) {
    public ProgressSummaries {
        lessons = List.copyOf(lessons);
        learners = List.copyOf(learners);
    }

    public record Lesson(int lesson, String title) {
    }

    /**
     * @param completion      the course's completion, 0..1 (mean of its lessons')
     * @param lessons         every lesson of the course, in catalog order
     * @param current         current streak at asOf
     * @param longest         longest streak up to asOf
     * @param lastActiveDay   latest active day on or before asOf, null if none
     * @param activeDays      the active days within from..asOf, oldest first
     * @param furthestStarted the in-progress lesson with the highest number, null if none
     */
    public record LearnerSummary(String learner, double completion, List<LessonState> lessons, int current, int longest,
                                 LocalDate lastActiveDay, List<LocalDate> activeDays, StartedLesson furthestStarted) {
        public LearnerSummary {
            lessons = List.copyOf(lessons);
            activeDays = List.copyOf(activeDays);
        }
    }

    public record LessonState(int lesson, LessonStatus status, double completion) {
    }

    /**
     * @param lastActivity  the latest study date, on or before asOf, of a live note with a task that
     *                      mentions the lesson; null when only undated (or later) notes mention it
     * @param openQuestions the open questions (merged across notes, as the questions read does) that a
     *                      note mentioning the lesson asks, in the order they were first asked
     */
    public record StartedLesson(int lesson, LocalDate lastActivity, List<String> openQuestions) {
        public StartedLesson {
            openQuestions = List.copyOf(openQuestions);
        }
    }
}
