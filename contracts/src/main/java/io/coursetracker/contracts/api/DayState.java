package io.coursetracker.contracts.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a calendar day was for the learner's streak. */
public enum DayState {
    /** No daily note for the day. */
    NO_NOTE("no_note"),
    /** A note, but no checked task and nothing under studied, insights or questions. */
    INACTIVE("inactive"),
    ACTIVE("active"),
    /** A missed day that the learner's rest days per week covered: it kept the streak alive. */
    REST("rest");

    private final String wireName;

    DayState(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
