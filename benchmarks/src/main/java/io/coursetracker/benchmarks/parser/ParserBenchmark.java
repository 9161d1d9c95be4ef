package io.coursetracker.benchmarks.parser;

import io.coursetracker.notes.NoteParser;

import org.commonmark.parser.Parser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The note parser against its baseline, commonmark-java alone, on the same bytes.
 *
 * <ul>
 *   <li>{@link #extraction}: {@link NoteParser#parse}, the full extraction ingest-service runs on
 *       every note (strict UTF-8 decoding, mojibake repair, front matter, the commonmark tree with
 *       autolinks, tasks, sections, questions, links, tags, the study date), over a generated vault;</li>
 *   <li>{@link #bareCommonmark}: the same notes decoded to a String and parsed by a default
 *       commonmark {@link Parser} to a syntax tree, nothing else;</li>
 *   <li>{@link #longLine}: extraction of single-line notes of growing size, to show time per byte
 *       stays flat (no regex or rescan that is quadratic in a line's length).</li>
 * </ul>
 *
 * The vault benchmarks count one operation per note, so their score is notes/s.
 * {@link ParserBenchmarkMain} runs them all and prints MB/s, the ratio and ns/byte.
 */
@State(Scope.Benchmark)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ParserBenchmark {

    public static final long VAULT_SEED = 20250802L;
    public static final int VAULT_NOTES = 200;

    private final NoteParser noteParser = new NoteParser();
    private final Parser commonmark = Parser.builder().build();
    private List<GeneratedNote> vault;

    @Setup
    public void generateVault() {
        vault = VaultGenerator.generate(VAULT_SEED, VAULT_NOTES);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(VAULT_NOTES)
    public void extraction(Blackhole blackhole) {
        for (GeneratedNote note : vault) {
            blackhole.consume(noteParser.parse(note.path(), note.content()));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(VAULT_NOTES)
    public void bareCommonmark(Blackhole blackhole) {
        for (GeneratedNote note : vault) {
            // Decoding is part of both sides, so the difference is the extraction alone.
            blackhole.consume(commonmark.parse(new String(note.content(), StandardCharsets.UTF_8)));
        }
    }

    /** One single-line note; sizes up to the 1 MiB that ingest-service accepts. */
    @State(Scope.Benchmark)
    public static class LongLine {
        @Param({"65536", "131072", "262144", "524288", "1048576"})
        public int size;

        @Param({"prose", "pathological"})
        public String shape;

        byte[] content;

        @Setup
        public void generate() {
            content = LongLineNotes.of(shape, size);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 3, time = 1)
    public Object longLine(LongLine line) {
        return noteParser.parse("Inbox/long line.md", line.content);
    }
}
