package io.coursetracker.cli;

/** Sends one note edit to ingest-service. {@link IngestClient} is the HTTP one. */
public interface NoteSender {

    /** {@code PUT} of the note's bytes. */
    SendResult put(String notePath, byte[] content) throws InterruptedException;

    /** {@code DELETE} of the note. */
    SendResult delete(String notePath) throws InterruptedException;
}
