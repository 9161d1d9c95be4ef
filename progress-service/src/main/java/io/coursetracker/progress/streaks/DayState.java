package io.coursetracker.progress.streaks;

import com.fasterxml.jackson.annotation.JsonValue;

/** A calendar day's state as the calendar call reports it (SPEC section 7). */
public enum DayState {
    /** No daily note for the day (and not a rest day). */
    NO_NOTE("no_note"),
    /** A daily note without activity (and not a rest day). */
    INACTIVE("inactive"),
    ACTIVE("active"),
    /** A missed day counted as a rest day: it kept a run (or the current streak) alive. */
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
