package io.coursetracker.contracts.api;

import com.fasterxml.jackson.annotation.JsonValue;

public enum LessonStatus {
    NOT_STARTED("not_started"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed");

    private final String wireName;

    LessonStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
