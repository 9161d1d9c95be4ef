package io.coursetracker.tracker.learners;

import java.util.List;

/** Body of {@code POST /v1/learners}; everything but {@code id} has a default. */
public record NewLearner(String id, String displayName, String timezone, List<String> courses, Integer restDaysPerWeek) {
}
