package io.coursetracker.benchmarks.parser;

/**
 * A note of a generated vault.
 *
 * @param path    vault-relative path, as ingest-service passes it to the parser
 * @param content the note's bytes as a learner's editor saved them
 */
public record GeneratedNote(String path, byte[] content) {
}
