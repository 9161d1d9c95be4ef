package io.coursetracker.tracker.learners;

import java.util.List;

/** A learner's settings as {@code PATCH /v1/learners/{id}} answers them; never the token or its hash. */
public record LearnerSettingsView(String id, String displayName, String timezone, List<String> courses, int restDaysPerWeek) {
}
