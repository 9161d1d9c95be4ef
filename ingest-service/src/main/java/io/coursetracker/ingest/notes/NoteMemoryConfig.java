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
     * alive afterwards (1.0, 8.7 and 23.5). Lower it once the parser caps what it extracts per note.
     */
    @WithDefault("80")
    int bytesPerNoteByte();

    /**
     * How long a single-note {@code PUT} or {@code /v1/parse} waits for its share of the budget
     * before it is refused with 503 and Retry-After. Vault uploads wait as long as it takes.
     */
    @WithDefault("10s")
    Duration maxWait();
}
