package io.coursetracker.progress.notes;

/** A record that is not an event this service can read: it goes to the dead-letter topic with this message. */
public class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
