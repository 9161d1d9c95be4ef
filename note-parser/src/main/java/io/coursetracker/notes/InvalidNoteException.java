package io.coursetracker.notes;

/**
 * A note's bytes cannot be read as a note (not UTF-8, binary). The message is meant for the
 * learner: it says what is wrong and where.
 */
public class InvalidNoteException extends RuntimeException {
    public InvalidNoteException(String message) {
        super(message);
    }
}
