package io.coursetracker.contracts.note;

import java.util.List;

/**
 * A checkbox list item with its text, links, and the recognised section it sits under (null
 * outside one).
 */
public record Task(String text, TaskStatus status, Section section, List<String> links, List<LessonMention> lessons) {
    public Task {
        links = List.copyOf(links);
        lessons = List.copyOf(lessons);
    }

    public Task withLessons(List<LessonMention> resolved) {
        return new Task(text, status, section, links, resolved);
    }
}
