package io.coursetracker.contracts.note;

import java.util.Objects;

/**
 * A task's reference to one activity of one lesson. {@code activity} is null when the task names
 * the lesson without an activity word (it can then only mark the lesson in progress); "finish" or
 * "complete" with no activity word is one mention per activity.
 */
public record LessonMention(String course, int lesson, Activity activity) {
    public LessonMention {
        Objects.requireNonNull(course, "course");
    }
}
