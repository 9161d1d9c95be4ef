package io.coursetracker.progress.lessons;

/** One lesson of one course. */
public record LessonKey(String course, int lesson) {
}
