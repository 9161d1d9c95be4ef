package io.coursetracker.ingest.notes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The heap that notes being decoded, parsed and stored may take at once ({@code ingest.note-memory.*}),
 * whoever sends them: single-note {@code PUT}s, {@code POST /v1/parse} and vault uploads share it.
 * See {@link NoteMemory}.
 */
@ConfigMapping(prefix = "ingest.note-memory")
public interface NoteMemoryConfig {
    /**
     * The budget in MiB of heap. The default, 80 MiB, is for the smallest heap the service runs with
     * (128 MiB locally, serial collector): about 18 MiB of the service's own live data, the budget,
     * and up to 3 MiB per vault storing slot for the note being read leave 24 MiB of the heap spare
     * (README). With the 256 MiB heap of a Kubernetes pod it may be raised to about 200.
     */
    @WithDefault("80")
    int budgetMib();

    /**
     * What a note in work may hold at its peak, per byte of the note: its bytes, the decoded text, the
     * parser's tree, the parsed note and its event's JSON. Measured for 1 MiB notes as the smallest
     * serially collected heap that parses, resolves and serializes them, less that of an empty note:
     * at most 6 for prose, 22 for a note of checked tasks with lesson links, 74 for a note of one-letter
     * tasks (131,000 task objects, a 9 MB event). {@code NoteMemoryCostTest} checks what stays
     * alive afterwards (1.0, 8.7 and 23.5). The peak is commonmark's syntax tree, which the parser's per-note limits do not shrink.
     */
    @WithDefault("80")
    int bytesPerNoteByte();

    /**
     * What a note still holds once it is parsed, per byte of the note, until it is stored and answered:
     * its bytes, the parsed note (capped per note by the parser's limits) and its event's JSON.
     * {@code NoteMemoryCostTest} measures 1.0 to 1.1 for every shape of a 1 MiB note. A share shrinks
     * to this (never below 1 MiB, which covers the capped parsed note of a small one) as soon as the
     * note is parsed, so the parse's peak is held only while parsing.
     */
    @WithDefault("4")
    int retainedBytesPerNoteByte();

    /**
     * How long a single-note {@code PUT} or {@code /v1/parse} waits for its share of the budget
     * before it is refused with 503 and Retry-After. Vault uploads wait as long as it takes.
     */
    @WithDefault("10s")
    Duration maxWait();
}
