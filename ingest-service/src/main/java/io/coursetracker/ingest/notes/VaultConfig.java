package io.coursetracker.ingest.notes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whole-vault uploads ({@code ingest.vault.*}). */
@ConfigMapping(prefix = "ingest.vault")
public interface VaultConfig {
    /**
     * How many vault uploads are read, parsed and stored at the same time; more wait their turn.
     * A vault in work reads one note at a time from its temporary file (up to 3 MiB of heap while a
     * note is inflated), and its parsed notes take their share of {@link NoteMemoryConfig#budgetMib()};
     * the work is CPU-bound, so beyond one per core more at once only add garbage-collection work
     * (ten at once under a 128 MiB heap, when vaults were held inflated, spent a third of
     * ingest-service's CPU in garbage collection). 0: one per core.
     */
    @WithDefault("0")
    int concurrentUploads();

    /**
     * How many vault bodies are received at the same time, each into a temporary file (at most
     * {@code quarkus.http.limits.max-body-size}, 64 MiB); more wait their turn. A vault keeps its turn
     * until one of the {@link #concurrentUploads()} storing slots is free, so a client that sends
     * slowly holds a receiving turn, never a storing one, and the temporary disk stays within
     * (receives + storing slots) × 64 MiB: 5 × 64 MiB = 320 MiB on a one-core Kubernetes pod, within
     * its 512 MiB {@code /tmp}.
     */
    @WithDefault("4")
    int concurrentReceives();
}
