package io.coursetracker.progress.lessons;

import io.coursetracker.contracts.note.Activity;

/** A task's mention of a lesson activity ({@code activity} null: the lesson only), and whether the task is checked. */
public record ActivityMention(String course, int lesson, Activity activity, boolean done) {
}
