package io.coursetracker.benchmarks.parser;

import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code benchmarks/run.sh parser}: runs {@link ParserBenchmark} through JMH's Runner, then prints
 * extraction against bare commonmark (notes/s, MB/s, ratio), the long-line sweep (ms per note,
 * ns/byte), and the vault ratio once more in thread CPU time. Any JMH option may be passed
 * ({@code -f 1 -wi 2 -i 2}, {@code -prof jfr}, a regex selecting benchmarks); they override the
 * annotations.
 */
public final class ParserBenchmarkMain {

    private static final String BENCHMARK = ParserBenchmark.class.getName();
    private static final double MB = 1_000_000.0;
    private static final double MIB = 1024.0 * 1024.0;
    private static final int CPU_TIME_ROUNDS = 25;

    private ParserBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        if (commandLine.shouldHelp()) {
            commandLine.showHelp();
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(commandLine);
        if (commandLine.getIncludes().isEmpty()) {
            options.include(BENCHMARK.replace(".", "\\.") + "\\.");
        }
        String loadBefore = loadAverage();
        Collection<RunResult> results = new Runner(options.build()).run();
        String loadAfter = loadAverage();

        System.out.println();
        System.out.println("== Parser benchmark: note extraction against bare commonmark-java, same run ==");
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; load average (1, 5, 15 min) before: %s, after: %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), loadBefore, loadAfter);
        printVault(results);
        printLongLines(results);
        if (!commandLine.shouldList() && results.stream().anyMatch(result -> methodOf(result).equals("extraction"))) {
            printCpuTimeRatio();
        }
    }

    /**
     * The same ratio in thread CPU time, best of interleaved rounds: on a shared machine wall-clock
     * scores move with other people's load between the two JMH runs, CPU time much less.
     */
    private static void printCpuTimeRatio() {
        List<GeneratedNote> vault = VaultGenerator.generate(ParserBenchmark.VAULT_SEED, ParserBenchmark.VAULT_NOTES);
        ParserBenchmark benchmark = new ParserBenchmark();
        benchmark.generateVault();
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // The JMH runs were in forked JVMs, so this one starts cold: the first rounds are measured
        // too and printed, but the ratio is taken from the rounds after them, as JMH warms up.
        long coldExtractionBest = Long.MAX_VALUE;
        long coldBareBest = Long.MAX_VALUE;
        for (int round = 0; round < CPU_TIME_ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            benchmark.extraction(blackhole);
            long middle = threads.getCurrentThreadCpuTime();
            benchmark.bareCommonmark(blackhole);
            long end = threads.getCurrentThreadCpuTime();
            coldExtractionBest = Math.min(coldExtractionBest, middle - start);
            coldBareBest = Math.min(coldBareBest, end - middle);
        }
        long extractionBest = Long.MAX_VALUE;
        long bareBest = Long.MAX_VALUE;
        for (int round = 0; round < CPU_TIME_ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            benchmark.extraction(blackhole);
            long middle = threads.getCurrentThreadCpuTime();
            benchmark.bareCommonmark(blackhole);
            long end = threads.getCurrentThreadCpuTime();
            extractionBest = Math.min(extractionBest, middle - start);
            bareBest = Math.min(bareBest, end - middle);
        }
        blackhole.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
        double notes = vault.size();
        System.out.println();
        System.out.printf(Locale.ROOT, "thread CPU time, first %d interleaved rounds (cold JVM): extraction %.1f ms,"
                        + " baseline %.1f ms, ratio %.1f %%%n", CPU_TIME_ROUNDS, coldExtractionBest / 1e6,
                coldBareBest / 1e6, 100.0 * coldBareBest / coldExtractionBest);
        System.out.printf(Locale.ROOT, "thread CPU time, best of the next %d interleaved rounds over the vault (one JVM):%n",
                CPU_TIME_ROUNDS);
        System.out.printf(Locale.ROOT, "extraction %.1f ms (%.0f notes/s of CPU), baseline %.1f ms (%.0f notes/s of CPU),"
                        + " ratio %.1f %%%n", extractionBest / 1e6, notes * 1e9 / extractionBest, bareBest / 1e6,
                notes * 1e9 / bareBest, 100.0 * bareBest / extractionBest);
    }

    private static void printVault(Collection<RunResult> results) {
        Result<?> extraction = primary(results, "extraction");
        Result<?> bare = primary(results, "bareCommonmark");
        if (extraction == null && bare == null) {
            return;
        }
        List<GeneratedNote> vault = VaultGenerator.generate(ParserBenchmark.VAULT_SEED, ParserBenchmark.VAULT_NOTES);
        long totalBytes = vault.stream().mapToLong(note -> note.content().length).sum();
        double meanBytes = (double) totalBytes / vault.size();
        System.out.printf(Locale.ROOT, "vault: %d notes, %d bytes, mean %.0f bytes, %d–%d bytes%n", vault.size(),
                totalBytes, meanBytes,
                vault.stream().mapToInt(note -> note.content().length).min().orElse(0),
                vault.stream().mapToInt(note -> note.content().length).max().orElse(0));
        System.out.println();
        System.out.printf(Locale.ROOT, "%-30s %20s %10s%n", "", "notes/s (± 99.9 %)", "MB/s");
        printRate("extraction (NoteParser.parse)", extraction, meanBytes);
        printRate("baseline: commonmark parse", bare, meanBytes);
        if (extraction != null && bare != null) {
            double ratio = extraction.getScore() / bare.getScore();
            double low = (extraction.getScore() - error(extraction)) / (bare.getScore() + error(bare));
            double high = (extraction.getScore() + error(extraction)) / Math.max(1e-9, bare.getScore() - error(bare));
            System.out.printf(Locale.ROOT, "ratio extraction / baseline: %.1f %% (from the error bars: %.1f–%.1f %%);"
                    + " target ≥ 60 %%%n", 100 * ratio, 100 * low, 100 * high);
        }
    }

    private static void printRate(String label, Result<?> result, double meanBytes) {
        if (result == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "%-30s %11.0f ± %6.0f %10.1f%n", label, result.getScore(), error(result),
                result.getScore() * meanBytes / MB);
    }

    private static void printLongLines(Collection<RunResult> results) {
        // shape → size → time per note in ms
        Map<String, Map<Integer, Result<?>>> byShape = new TreeMap<>(Comparator.reverseOrder());
        for (RunResult result : results) {
            if (methodOf(result).equals("longLine")) {
                byShape.computeIfAbsent(result.getParams().getParam("shape"), shape -> new TreeMap<>())
                        .put(Integer.parseInt(result.getParams().getParam("size")), result.getPrimaryResult());
            }
        }
        if (byShape.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("single-line notes, full extraction (linear time: ns/byte stays flat as the line grows)");
        System.out.printf(Locale.ROOT, "%-13s %9s %18s %9s %9s %14s%n", "line", "KiB", "ms/note (± 99.9 %)", "MiB/s",
                "ns/byte", "vs smallest");
        for (Map.Entry<String, Map<Integer, Result<?>>> shape : byShape.entrySet()) {
            Double smallestNsPerByte = null;
            for (Map.Entry<Integer, Result<?>> size : shape.getValue().entrySet()) {
                double ms = size.getValue().getScore();
                double nsPerByte = ms * 1_000_000.0 / size.getKey();
                if (smallestNsPerByte == null) {
                    smallestNsPerByte = nsPerByte;
                }
                System.out.printf(Locale.ROOT, "%-13s %9d %10.2f ± %5.2f %9.1f %9.1f %13.2fx%n", shape.getKey(),
                        size.getKey() / 1024, ms, error(size.getValue()), size.getKey() / MIB / (ms / 1000.0),
                        nsPerByte, nsPerByte / smallestNsPerByte);
            }
        }
    }

    private static Result<?> primary(Collection<RunResult> results, String method) {
        for (RunResult result : results) {
            if (methodOf(result).equals(method)) {
                return result.getPrimaryResult();
            }
        }
        return null;
    }

    private static String methodOf(RunResult result) {
        String benchmark = result.getParams().getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** The 99.9 % confidence half-width; NaN (one iteration) counts as no error bar. */
    private static double error(Result<?> result) {
        double error = result.getScoreError();
        return Double.isNaN(error) ? 0 : error;
    }

    private static String loadAverage() {
        Path loadavg = Path.of("/proc/loadavg");
        try {
            if (Files.isReadable(loadavg)) {
                String[] fields = Files.readString(loadavg).trim().split("\\s+");
                return String.join(" ", new ArrayList<>(List.of(fields)).subList(0, 3));
            }
        } catch (IOException unreadable) {
            // Fall through to the one-minute figure the JVM knows.
        }
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
