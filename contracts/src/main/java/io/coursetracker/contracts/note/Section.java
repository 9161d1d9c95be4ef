package io.coursetracker.contracts.note;

import com.fasterxml.jackson.annotation.JsonValue;

/** The second-level sections of a daily note that the platform understands. */
public enum Section {
    GOALS("goals"),
    STUDIED("studied"),
    INSIGHTS("insights"),
    QUESTIONS("questions");

    private final String wireName;

    Section(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
