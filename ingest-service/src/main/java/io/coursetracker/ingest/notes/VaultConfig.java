package io.coursetracker.ingest.notes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whole-vault uploads ({@code ingest.vault.*}). */
@ConfigMapping(prefix = "ingest.vault")
public interface VaultConfig {
    /**
     * How many vault uploads are read, parsed and stored at the same time; more wait their turn.
     * A vault in work holds its inflated notes in memory (up to 256 MiB, typically a few MiB), and
     * the work is CPU-bound, so beyond one per core more at once only add heap pressure: ten at once
     * under a 128 MiB heap spent a third of ingest-service's CPU in garbage collection. 0: one per core.
     */
    @WithDefault("0")
    int concurrentUploads();
}
