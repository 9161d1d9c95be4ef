package io.coursetracker.benchmarks.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.benchmarks.support.CpuUse;
import io.coursetracker.benchmarks.support.ProcessMemory;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.localstack.Platform;
import io.coursetracker.localstack.ServiceProcess;
import io.coursetracker.localstack.StackTopics;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Ingest end to end, on the packaged services (issue 9): start the local platform from the built
 * jars (start-up time, each service's RSS), register learners, then
 *
 * <ol>
 *   <li><b>throughput</b>: every learner uploads a vault of daily notes (one zip per learner, all
 *   learners at once); notes/s from the first request to the last note's {@code NoteApplied} on
 *   tracker-api's live stream, then a read of each learner's streak proving all of them count;</li>
 *   <li><b>latency</b>: an open-loop stream of single-note PUTs at a steady rate over the learners;
 *   each edit's latency from its 2xx (and from its intended send time, so a stall is not hidden) to
 *   tracker-api delivering the {@code NoteApplied} of that revision. Its first seconds (the warm-up)
 *   are reported apart; over the rest, the CPU each process spent per edit and how busy the machine was;</li>
 *   <li><b>baseline</b>: Kafka's producer perf tool on the same broker with the same record count and
 *   the average note event size, as fast as it can and at the same rate;</li>
 * </ol>
 * then each service's RSS again. {@code benchmarks/run.sh footprint} runs a short variant.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Ingest end to end against Kafka's producer perf tool.")
public class IngestBenchmark implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COURSE = "fastai-part1-2022";
    private static final Pattern STARTED_IN = Pattern.compile("started in ([\\d.]+)s");

    @Option(names = "--learners", description = "learners, each with one vault (default ${DEFAULT-VALUE})")
    int learners = 10;
    @Option(names = "--days", description = "daily notes per learner's vault (default ${DEFAULT-VALUE})")
    int days = 1000;
    @Option(names = "--rate", description = "single-note edits per second in the latency phase (default ${DEFAULT-VALUE})")
    int rate = 200;
    @Option(names = "--latency-seconds", description = "length of the latency phase's measured part; 0 skips the phase (default ${DEFAULT-VALUE})")
    int latencySeconds = 40;
    @Option(names = "--warm-up-seconds", description = "edits at the same rate before the measured part, reported on their own (default ${DEFAULT-VALUE})")
    int warmUpSeconds = 15;
    @Option(names = "--no-baseline", description = "skip the baseline (Kafka's producer perf tool)")
    boolean skipBaseline;
    @Option(names = "--repo", description = "repository root with the packaged services (default: the working directory)")
    Path repo = Path.of("").toAbsolutePath();
    @Option(names = "--data-dir", description = "where the stack keeps its data and logs (default: a new temporary directory)")
    Path dataDir;
    @Option(names = "--jfr", description = "record a JFR profile of each service across both phases into the data directory")
    boolean jfr;
    @Option(names = "--nmt", description = "run the services with native memory tracking and print their summaries")
    boolean nmt;
    @Option(names = "--service-jvm-options", description = "extra JVM options for the three services")
    String serviceJvmOptions = "";
    @Option(names = "--title", hidden = true)
    String title = "Ingest end to end";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private Platform platform;

    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (dataDir == null) {
            dataDir = Files.createTempDirectory("ingest-bench-");
        }
        String jvmOptions = serviceJvmOptions + (nmt ? " -XX:NativeMemoryTracking=summary" : "");
        System.setProperty(ServiceProcess.EXTRA_JVM_OPTIONS, jvmOptions.strip());
        String adminToken = "bench-admin-" + UUID.randomUUID();
        line("machine: %d cores, load average at start %s, Java %s", Runtime.getRuntime().availableProcessors(), loadAverage(),
                System.getProperty("java.version"));
        // The broker and the load client share the cores with the services: how this JVM compiles is part of the conditions.
        line("this JVM (broker and load client): %s", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        line("data and logs: %s", dataDir);

        // Ctrl-C or a kill must not leave three service JVMs and a PostgreSQL behind.
        Thread stopOnExit = new Thread(this::stopPlatform, "stop-platform");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        long startBegin = System.nanoTime();
        platform = new Platform(Platform.Settings.onFreePorts(repo, dataDir, adminToken)).start();
        double startSeconds = seconds(System.nanoTime() - startBegin);
        try {
            List<ServiceProcess> services = List.of(platform.ingest(), platform.progress(), platform.tracker());
            line("");
            line("== start-up (fresh data directory: PostgreSQL initdb, Kafka format, three service JVMs) ==");
            line("stack ready (Kafka, PostgreSQL, 3 services answering /q/health/ready): %.1f s   [target < 30 s]", startSeconds);
            for (ServiceProcess service : services) {
                line("  %-17s Quarkus 'started in' %s s", service.name(), startedIn(service.logFile()));
            }
            Map<String, Double> rssAfterStart = rss(services);
            if (nmt) {
                printNmt(services, "after start-up");
            }
            for (int i = 1; i <= learners; i++) {
                String learner = String.format(Locale.ROOT, "bench-%02d", i);
                tokens.put(learner, createLearner(learner, adminToken));
            }
            if (jfr) {
                for (ServiceProcess service : services) {
                    ProcessMemory.jcmd(service.pid(), "JFR.start", "name=bench", "settings=profile",
                            "filename=" + dataDir.resolve(service.name() + ".jfr"));
                }
            }
            LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            LocalDate firstDay = lastDay.minusDays(days - 1L);
            Map<String, List<byte[]>> vaults = generateVaults(firstDay);
            try (LiveStreams live = new LiveStreams(http)) {
                for (Map.Entry<String, String> learner : tokens.entrySet()) {
                    live.open(platform.tracker().url(), learner.getKey(), learner.getValue());
                }
                Throughput throughput = throughputPhase(live, vaults, firstDay);
                Latency latency = latencySeconds > 0 ? latencyPhase(live, vaults, firstDay) : null;
                if (jfr) {
                    for (ServiceProcess service : services) {
                        ProcessMemory.jcmd(service.pid(), "JFR.stop", "name=bench");
                    }
                }
                Map<String, Double> rssAfter = rss(services);
                if (nmt) {
                    printNmt(services, "after the ingest");
                }
                int eventSize = averageNoteEventSize();
                ProducerPerfBaseline.Result rawRate = null;
                ProducerPerfBaseline.Result rawAtRate = null;
                if (!skipBaseline) {
                    rawRate = baselineRun("bench-scratch-rate", throughput.notes, eventSize, -1);
                    if (latency != null) {
                        rawAtRate = baselineRun("bench-scratch-latency", latency.sent(), eventSize, rate);
                    }
                }
                summary(startSeconds, rssAfterStart, rssAfter, throughput, latency, eventSize, rawRate, rawAtRate);
            }
        } finally {
            stopPlatform();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
        line("load average at end %s", loadAverage());
        return 0;
    }

    // ---------------------------------------------------------------- phases

    record Throughput(long notes, double uploadSeconds, double endToEndSeconds, double verifySeconds, boolean complete, CpuUse.Used cpu) {
        double notesPerSecond() {
            return notes / endToEndSeconds;
        }
    }

    private Throughput throughputPhase(LiveStreams live, Map<String, List<byte[]>> vaults, LocalDate firstDay) throws Exception {
        List<byte[]> zips = new ArrayList<>();
        for (List<byte[]> notes : vaults.values()) {
            zips.add(zip(notes, firstDay));
        }
        long notes = (long) learners * days;
        long appliedBefore = live.appliedCount();
        List<String> ids = new ArrayList<>(tokens.keySet());
        List<CompletableFuture<Long>> uploads = new ArrayList<>();
        CpuUse cpu = cpuUse();
        CpuUse.Reading cpuBefore = cpu.read();
        long start = System.nanoTime();
        for (int i = 0; i < learners; i++) {
            uploads.add(uploadVault(ids.get(i), zips.get(i)));
        }
        long lastUpload = 0;
        for (CompletableFuture<Long> upload : uploads) {
            lastUpload = Math.max(lastUpload, upload.get());
        }
        boolean complete = live.awaitApplied(appliedBefore + notes, Duration.ofMinutes(15));
        long lastApplied = live.lastAppliedAt();
        CpuUse.Used cpuUsed = CpuUse.between(cpuBefore, cpu.read());
        // Not timed into the figure: a read per learner that proves every note counts (one streak of every day).
        for (String learner : ids) {
            JsonNode streak = get("/v1/learners/" + learner + "/streak", tokens.get(learner));
            if (streak.path("longest").asInt() != days) {
                throw new IllegalStateException(learner + "'s streak should be " + days + " days long: " + streak);
            }
            JsonNode progress = get("/v1/learners/" + learner + "/progress", tokens.get(learner));
            if (days >= 56 && progress.path("courses").path(0).path("completion").asDouble() != 1.0) {
                throw new IllegalStateException(learner + " should have completed the course: " + progress);
            }
        }
        long verified = System.nanoTime();
        return new Throughput(notes, seconds(lastUpload - start), seconds(lastApplied - start), seconds(verified - start), complete, cpuUsed);
    }

    /** The measured part of the latency phase; {@code warmUpFromAck} is the part before it. */
    record Latency(Histogram fromAck, Histogram fromIntended, Histogram putResponse, Histogram warmUpFromAck, long sent, long accepted,
                   long seen, double achievedRate, CpuUse.Used cpu) {
    }

    private Latency latencyPhase(LiveStreams live, Map<String, List<byte[]>> vaults, LocalDate firstDay) throws Exception {
        List<String> ids = new ArrayList<>(tokens.keySet());
        // The warm-up edits come first, at the same rate: right after the vault uploads the single-note
        // path is not compiled yet (the services run C1 only), and its first seconds are reported apart.
        long warmUpEdits = (long) rate * warmUpSeconds;
        long measuredEdits = (long) rate * latencySeconds;
        long total = warmUpEdits + measuredEdits;
        long period = 1_000_000_000L / rate;
        CpuUse cpu = cpuUse();
        CpuUse.Reading cpuBefore = null;
        record Edit(String learner, String path, long intended, long acked, long revision) {
        }
        ConcurrentLinkedQueue<Edit> edits = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        int recentDays = Math.min(30, days);
        long start = System.nanoTime() + 100_000_000L;
        for (long i = 0; i < total; i++) {
            long intended = start + i * period;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (i == warmUpEdits) {
                cpuBefore = cpu.read();
            }
            String learner = ids.get((int) (i % learners));
            int day = days - 1 - (int) ((i / learners) % recentDays);
            String path = DailyNotes.path(firstDay.plusDays(day));
            byte[] body = DailyNotes.edited(vaults.get(learner).get(day), (int) i);
            http.sendAsync(HttpRequest.newBuilder(noteUri(learner, path)).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + tokens.get(learner)).header("Content-Type", "text/markdown")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        long acked = System.nanoTime();
                        if (error != null) {
                            failures.add(error);
                        } else if (response.statusCode() != 202) {
                            failures.add(new IOException("PUT " + path + " answered " + response.statusCode() + ": " + response.body()));
                        } else {
                            try {
                                edits.add(new Edit(learner, path, intended, acked, JSON.readTree(response.body()).path("revision").asLong()));
                            } catch (IOException e) {
                                failures.add(e);
                            }
                        }
                    });
        }
        long measuredStart = start + warmUpEdits * period;
        double achievedRate = measuredEdits / seconds(System.nanoTime() - measuredStart);
        // Over the measured sending window: the CPU its edits cost, whatever stage each was in.
        CpuUse.Used cpuUsed = CpuUse.between(cpuBefore, cpu.read());
        // Every answer, then every NoteApplied (or a generous limit: what is missing is reported, not hidden).
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (edits.size() + failures.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        while (System.nanoTime() < deadline && edits.stream().anyMatch(e -> live.appliedAt(e.learner, e.path, e.revision) == null)) {
            Thread.sleep(20);
        }
        Histogram fromAck = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        Histogram fromIntended = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        Histogram putResponse = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        Histogram warmUpFromAck = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        long seen = 0;
        for (Edit edit : edits) {
            if (edit.intended < measuredStart) {
                Long applied = live.appliedAt(edit.learner, edit.path, edit.revision);
                if (applied != null) {
                    warmUpFromAck.recordValue(Math.max(0, (applied - edit.acked) / 1000));
                }
                continue;
            }
            putResponse.recordValue(Math.max(0, (edit.acked - edit.intended) / 1000));
            Long applied = live.appliedAt(edit.learner, edit.path, edit.revision);
            if (applied != null) {
                seen++;
                // The NoteApplied can beat the HTTP answer to this process: then the change was visible before the 2xx arrived.
                fromAck.recordValue(Math.max(0, (applied - edit.acked) / 1000));
                fromIntended.recordValue(Math.max(0, (applied - edit.intended) / 1000));
            }
        }
        if (!failures.isEmpty()) {
            line("latency phase: %d edits failed, first: %s", failures.size(), failures.peek());
        }
        long accepted = edits.stream().filter(edit -> edit.intended >= measuredStart).count();
        return new Latency(fromAck, fromIntended, putResponse, warmUpFromAck, measuredEdits, accepted, seen, achievedRate, cpuUsed);
    }

    private static final String BROKER_AND_CLIENT = "this JVM (Kafka broker, edit client, live streams)";

    /** The stack's processes, and this one: the broker runs in it, beside the client. */
    private CpuUse cpuUse() {
        Map<String, java.util.function.LongPredicate> groups = new LinkedHashMap<>();
        for (ServiceProcess service : List.of(platform.ingest(), platform.progress(), platform.tracker())) {
            groups.put(service.name(), CpuUse.pid(service.pid()));
        }
        groups.put("postgres", CpuUse.command("postgres"));
        groups.put(BROKER_AND_CLIENT, CpuUse.pid(ProcessHandle.current().pid()));
        return new CpuUse(groups);
    }

    // ---------------------------------------------------------------- baseline and report

    private ProducerPerfBaseline.Result baselineRun(String topic, long records, int recordSize, int throughput) throws Exception {
        ProducerPerfBaseline.createTopic(platform.stack().bootstrapServers(), topic, StackTopics.NOTE_PARTITIONS);
        return ProducerPerfBaseline.run(platform.stack().bootstrapServers(), topic, records, recordSize, throughput,
                dataDir.resolve("logs").resolve(topic + ".log"));
    }

    /** The mean size of the NoteRevised records on notes.events.v1: what the baseline sends. */
    private int averageNoteEventSize() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.stack().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < StackTopics.NOTE_PARTITIONS; p++) {
                partitions.add(new TopicPartition(Topics.NOTES, p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            long bytes = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    count++;
                    bytes += record.serializedValueSize();
                }
            }
            return (int) (bytes / Math.max(1, count));
        }
    }

    private void summary(double startSeconds, Map<String, Double> rssAfterStart, Map<String, Double> rssAfter, Throughput throughput,
                         Latency latency, int eventSize, ProducerPerfBaseline.Result rawRate, ProducerPerfBaseline.Result rawAtRate) {
        line("");
        line("== %s: %d learners x %d daily notes, %d edits/s for %d s after %d s of warm-up ==", title, learners, days, rate, latencySeconds, warmUpSeconds);
        line("throughput (vault upload -> NoteApplied on tracker-api's live stream):");
        line("  %,d notes, uploads answered after %.1f s, last note visible after %.1f s%s", throughput.notes, throughput.uploadSeconds,
                throughput.endToEndSeconds, throughput.complete ? "" : "  (INCOMPLETE: not every note was seen)");
        line("  end to end: %,.0f notes/s   [target >= 2,000; goal 5,000]", throughput.notesPerSecond());
        line("  CPU from the first upload to the last note visible (/proc): machine %.0f %% busy of %d cores; per note %.2f ms in all:",
                throughput.cpu.machineBusyShare() * 100, Runtime.getRuntime().availableProcessors(), throughput.cpu.totalMillisPer(throughput.notes));
        for (String group : throughput.cpu.groupCpuSeconds().keySet()) {
            line("    %-50s %5.2f cores  %5.2f ms per note", group, throughput.cpu.cores(group), throughput.cpu.millisPer(group, throughput.notes));
        }
        line("  every learner's streak and progress read back right after %.1f s", throughput.verifySeconds);
        line("  average note event on %s: %,d bytes", Topics.NOTES, eventSize);
        if (rawRate != null) {
            line("  baseline ProducerPerformance, %,d records x %,d bytes, acks=all, %d partitions: %,.0f records/s (%.1f MB/s)",
                    rawRate.records(), eventSize, StackTopics.NOTE_PARTITIONS, rawRate.recordsPerSecond(), rawRate.mbPerSecond());
            line("  ratio end to end / baseline: %.3f", throughput.notesPerSecond() / rawRate.recordsPerSecond());
        }
        if (latency != null) {
            line("latency (open loop, single-note PUTs, 2xx -> NoteApplied of that revision on tracker-api's live stream):");
            line("  first %d s at the same rate, right after the uploads (warm-up, not in the figures below): p50 %s  p99 %s  max %s",
                    warmUpSeconds, ms(latency.warmUpFromAck, 50), ms(latency.warmUpFromAck, 99), ms(latency.warmUpFromAck.getMaxValue()));
            line("  then sent %,d at %.0f/s, %,d accepted (202), %,d seen applied", latency.sent, latency.achievedRate, latency.accepted, latency.seen);
            line("  from the 2xx:            p50 %s  p99 %s  max %s   [target p99 < 1 s]", ms(latency.fromAck, 50), ms(latency.fromAck, 99),
                    ms(latency.fromAck.getMaxValue()));
            line("  from the intended send:  p50 %s  p99 %s  max %s", ms(latency.fromIntended, 50), ms(latency.fromIntended, 99),
                    ms(latency.fromIntended.getMaxValue()));
            line("  the PUT's own answer:    p50 %s  p99 %s  max %s", ms(latency.putResponse, 50), ms(latency.putResponse, 99),
                    ms(latency.putResponse.getMaxValue()));
            if (rawAtRate != null) {
                line("  baseline ProducerPerformance at %d records/s (send -> ack): p50 %d ms  p99 %d ms  max %.0f ms", rate,
                        rawAtRate.p50Ms(), rawAtRate.p99Ms(), rawAtRate.maxMs());
                line("  ratio p99 end to end / baseline p99: %.1f", latency.fromAck.getValueAtPercentile(99) / 1000.0 / Math.max(1, rawAtRate.p99Ms()));
            }
            CpuUse.Used cpu = latency.cpu;
            line("  CPU while sending those (/proc): machine %.0f %% busy of %d cores; per edit %.1f ms in all:", cpu.machineBusyShare() * 100,
                    Runtime.getRuntime().availableProcessors(), cpu.totalMillisPer(latency.sent));
            for (String group : cpu.groupCpuSeconds().keySet()) {
                line("    %-50s %5.2f cores  %5.1f ms per edit", group, cpu.cores(group), cpu.millisPer(group, latency.sent));
            }
        }
        line("memory (RSS from /proc/<pid>/status; services run -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1, MALLOC_ARENA_MAX=2)   [target < 300 MiB each]:");
        for (String name : rssAfterStart.keySet()) {
            line("  %-17s after start-up %6.1f MiB   after the ingest %6.1f MiB", name, rssAfterStart.get(name), rssAfter.get(name));
        }
        line("start-up: stack ready in %.1f s   [target < 30 s]", startSeconds);
    }

    // ---------------------------------------------------------------- helpers

    private synchronized void stopPlatform() {
        if (platform != null) {
            try {
                platform.close();
            } catch (Exception e) {
                System.err.println("stopping the platform failed: " + e);
            }
            platform = null;
        }
    }

    private Map<String, List<byte[]>> generateVaults(LocalDate firstDay) {
        Map<String, List<byte[]>> vaults = new LinkedHashMap<>();
        long bytes = 0;
        int learnerIndex = 0;
        for (String learner : tokens.keySet()) {
            DailyNotes generator = new DailyNotes(9_000L + learnerIndex++);
            List<byte[]> notes = new ArrayList<>(days);
            for (int day = 0; day < days; day++) {
                byte[] note = generator.note(firstDay.plusDays(day), day);
                bytes += note.length;
                notes.add(note);
            }
            vaults.put(learner, notes);
        }
        line("generated %,d notes, %,.1f MiB, %,d bytes on average", (long) learners * days, bytes / 1048576.0, bytes / ((long) learners * days));
        return vaults;
    }

    private static byte[] zip(List<byte[]> notes, LocalDate firstDay) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int day = 0; day < notes.size(); day++) {
                zip.putNextEntry(new ZipEntry(DailyNotes.path(firstDay.plusDays(day))));
                zip.write(notes.get(day));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Uploads the vault; completes when its 202 arrived, with that time (System.nanoTime). */
    private CompletableFuture<Long> uploadVault(String learner, byte[] zip) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(platform.ingest().url() + "/v1/learners/" + learner + "/vault"))
                        .timeout(Duration.ofMinutes(10))
                        .header("Authorization", "Bearer " + tokens.get(learner)).header("Content-Type", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    long answered = System.nanoTime();
                    if (response.statusCode() != 202 || !response.body().contains("\"accepted\":" + days + ",")) {
                        throw new IllegalStateException("vault of " + learner + " answered " + response.statusCode() + ": " + response.body());
                    }
                    return answered;
                });
    }

    private String createLearner(String learner, String adminToken) throws Exception {
        String body = JSON.writeValueAsString(Map.of("id", learner, "displayName", "Bench " + learner, "timezone", "UTC",
                "courses", List.of(COURSE), "restDaysPerWeek", 0));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(platform.tracker().url() + "/v1/learners"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IOException("creating " + learner + " answered " + created.statusCode() + ": " + created.body());
        }
        return JSON.readTree(created.body()).path("token").asText();
    }

    private JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.tracker().url() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private URI noteUri(String learner, String notePath) {
        List<String> segments = new ArrayList<>();
        for (String segment : notePath.split("/")) {
            segments.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(platform.ingest().url() + "/v1/learners/" + learner + "/notes/" + String.join("/", segments));
    }

    private static Map<String, Double> rss(List<ServiceProcess> services) throws IOException {
        Map<String, Double> rss = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            rss.put(service.name(), ProcessMemory.rssMiB(service.pid()));
        }
        return rss;
    }

    private void printNmt(List<ServiceProcess> services, String when) throws Exception {
        for (ServiceProcess service : services) {
            String summary = ProcessMemory.jcmd(service.pid(), "VM.native_memory", "summary");
            Path file = dataDir.resolve("logs").resolve(service.name() + "-nmt-" + when.replace(' ', '-') + ".txt");
            Files.writeString(file, summary);
            line("native memory of %s %s (%s):", service.name(), when, file);
            for (String row : summary.split("\n")) {
                // The totals and each category's committed size: the rest is in the file.
                if (row.startsWith("Total:") || row.matches("^-\\s+\\S.*\\(reserved=.*")) {
                    line("  %s", row.strip());
                }
            }
        }
    }

    private static String startedIn(Path log) {
        try {
            Matcher matcher = STARTED_IN.matcher(Files.readString(log));
            String last = "?";
            while (matcher.find()) {
                last = matcher.group(1);
            }
            return last;
        } catch (IOException e) {
            return "?";
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String ms(Histogram histogram, double percentile) {
        return ms(histogram.getValueAtPercentile(percentile));
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.0f ms", micros / 1000.0);
    }

    private void line(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
