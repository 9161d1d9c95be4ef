package io.coursetracker.contracts.note;

import com.fasterxml.jackson.annotation.JsonValue;

/** A task's checkbox state, including Obsidian's extra statuses. */
public enum TaskStatus {
    OPEN("open"),
    DONE("done"),
    IN_PROGRESS("in_progress"),
    CANCELLED("cancelled"),
    DEFERRED("deferred");

    private final String wireName;

    TaskStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The status written between a list item's brackets: {@code ' '}, {@code 'x'}, {@code '/'}, {@code '-'}, {@code '>'}. */
    public static java.util.Optional<TaskStatus> fromMarker(char marker) {
        return java.util.Optional.ofNullable(switch (marker) {
            case ' ' -> OPEN;
            case 'x', 'X' -> DONE;
            case '/' -> IN_PROGRESS;
            case '-' -> CANCELLED;
            case '>' -> DEFERRED;
            default -> null;
        });
    }
}
