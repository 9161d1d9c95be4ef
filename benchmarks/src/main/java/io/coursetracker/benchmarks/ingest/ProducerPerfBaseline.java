package io.coursetracker.benchmarks.ingest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline: Kafka's own producer performance tool ({@code kafka-producer-perf-test}, class
 * {@code org.apache.kafka.tools.ProducerPerformance} of kafka-tools, the broker's version) in its own
 * JVM, on the same broker, into a scratch topic with as many partitions as the notes topic, acks=all.
 */
final class ProducerPerfBaseline {
    /** The tool's summary line: "N records sent, R records/sec (M MB/sec), A ms avg latency, X ms max latency, p50 ms 50th, ..." */
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, "
                    + "(\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");

    record Result(long records, double recordsPerSecond, double mbPerSecond, double avgMs, double maxMs, long p50Ms, long p95Ms,
                  long p99Ms, String summaryLine) {
    }

    private ProducerPerfBaseline() {
    }

    static void createTopic(String bootstrapServers, String topic, int partitions) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("creating " + topic + " failed", e);
        }
    }

    /**
     * Runs the tool: {@code records} records of {@code recordSize} bytes, at most {@code throughput}
     * per second (-1: as fast as it can).
     */
    static Result run(String bootstrapServers, String topic, long records, int recordSize, int throughput, Path log)
            throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", String.valueOf(throughput),
                "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("ProducerPerformance did not finish; see " + log);
        }
        String output = java.nio.file.Files.readString(log);
        Matcher last = null;
        Matcher matcher = SUMMARY.matcher(output);
        while (matcher.find()) {
            last = SUMMARY.matcher(matcher.group());
            last.find();
        }
        if (last == null) {
            throw new IOException("ProducerPerformance printed no summary; see " + log);
        }
        return new Result(Long.parseLong(last.group(1)), Double.parseDouble(last.group(2)), Double.parseDouble(last.group(3)),
                Double.parseDouble(last.group(4)), Double.parseDouble(last.group(5)), Long.parseLong(last.group(6)),
                Long.parseLong(last.group(7)), Long.parseLong(last.group(8)), last.group());
    }
}
