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
     * The budget in MiB of heap. The default, 48 MiB, is for the smallest heap the service runs with
     * (128 MiB locally); see the README for the arithmetic. With a larger heap (256 MiB in Kubernetes)
     * it may be raised.
     */
    @WithDefault("48")
    int budgetMib();

    /**
     * What a note in work holds, per byte of the note: its bytes, the decoded text, the parsed note
     * and its event's JSON, all alive until the note is stored. Measured by {@code NoteMemoryCostTest}:
     * 1.0 for prose, 8.7 for a note of checked tasks with lesson links, 23.5 for a note of one-letter
     * tasks (each a task object of its own); 32 covers the worst with room for the parser's transient
     * tree. Lower it once the parser caps what it extracts per note.
     */
    @WithDefault("32")
    int bytesPerNoteByte();

    /**
     * How long a single-note {@code PUT} or {@code /v1/parse} waits for its share of the budget
     * before it is refused with 503 and Retry-After. Vault uploads wait as long as it takes.
     */
    @WithDefault("10s")
    Duration maxWait();
}
