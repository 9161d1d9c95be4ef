package io.coursetracker.benchmarks.footprint;

import io.coursetracker.benchmarks.ingest.IngestBenchmark;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/**
 * Memory and start-up, the short way: the ingest benchmark's start-up and RSS figures around a
 * smaller ingest (3 learners x 300 notes, 10 s of edits at 200/s, no producer baseline), with native
 * memory tracking on so each service's summary says where its RSS goes. The full figures (RSS after
 * the 10,000-note ingest) come from {@code benchmarks/run.sh ingest}. Options given here override
 * these defaults (any option of the ingest benchmark).
 */
public final class FootprintBenchmark {
    private FootprintBenchmark() {
    }

    public static void main(String[] args) {
        List<String> all = new ArrayList<>(List.of("--title", "Memory and start-up", "--learners", "3", "--days", "300",
                "--latency-seconds", "10", "--no-baseline", "--nmt"));
        all.addAll(List.of(args));
        // Options given on the command line come after the defaults and win.
        System.exit(new CommandLine(new IngestBenchmark()).setOverwrittenOptionsAllowed(true).execute(all.toArray(String[]::new)));
    }
}
