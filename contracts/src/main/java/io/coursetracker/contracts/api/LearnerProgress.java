package io.coursetracker.contracts.api;

import java.util.List;

/** {@code GET /v1/learners/{id}/progress}: served by progress-service, passed on by tracker-api. */
public record LearnerProgress(List<CourseProgress> courses) {
    public LearnerProgress {
        courses = List.copyOf(courses);
    }

    public record CourseProgress(String course, String title, double completion, List<LessonProgress> lessons) {
        public CourseProgress {
            lessons = List.copyOf(lessons);
        }
    }

    public record LessonProgress(int lesson, String title, LessonStatus status, double completion, Activities activities) {
    }

    public record Activities(boolean watch, boolean notebook, boolean read, boolean questionnaire) {
        public int doneCount() {
            return (watch ? 1 : 0) + (notebook ? 1 : 0) + (read ? 1 : 0) + (questionnaire ? 1 : 0);
        }
    }
}
