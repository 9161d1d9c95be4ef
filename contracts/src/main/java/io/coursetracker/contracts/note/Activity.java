package io.coursetracker.contracts.note;

import com.fasterxml.jackson.annotation.JsonValue;

/** One of the four things a learner does for a lesson; each counts for a quarter of it. */
public enum Activity {
    WATCH("watch"),
    NOTEBOOK("notebook"),
    READ("read"),
    QUESTIONNAIRE("questionnaire");

    private final String wireName;

    Activity(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The activity with this wire name, or null for null or an unknown name. */
    public static Activity fromWireName(String wireName) {
        for (Activity activity : values()) {
            if (activity.wireName.equals(wireName)) {
                return activity;
            }
        }
        return null;
    }
}
