package io.coursetracker.benchmarks.dashboards;

import io.coursetracker.localstack.Platform;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Issue 9, dashboards: the learner and team dashboards of a team of 50 learners with three years of
 * daily notes each, under a fixed-rate load from a second process ({@link LoadClient}), beside
 * {@code GET /q/health/live} of the same service at the same rates, measured in the same run; and
 * the cost of a streak read for learners that differ in active days, notes per day or revisions.
 */
@Command(name = "dashboards", mixinStandardHelpOptions = true,
        description = "Dashboards under fixed-rate load against /q/health/live, and streak read cost.")
public final class DashboardBenchmark implements Callable<Integer> {

    @Option(names = "--data-dir", description = "Keep the platform's data here; a directory seeded by an earlier run is reused (skips seeding).")
    Path dataDir;

    @Option(names = "--services", description = "Directory holding <service>/target/quarkus-app of the build to measure "
            + "(default: this repository), e.g. a copy of an earlier build for a before/after comparison on the same data.")
    Path services;

    @Option(names = "--members", defaultValue = "50", description = "Team members (default: ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--days", defaultValue = "1095", description = "Days of daily notes per member (default: ${DEFAULT-VALUE}, 3 years).")
    int days;

    @Option(names = "--end", defaultValue = "2026-11-24", description = "The last day with notes, and the asOf of every read (default: ${DEFAULT-VALUE}).")
    LocalDate end;

    @Option(names = "--rates", split = ",", defaultValue = "100,250,500", description = "Requests per second for learner dashboards and baselines.")
    List<Integer> rates;

    @Option(names = "--team-rates", split = ",", defaultValue = "10,25,50", description = "Requests per second for the team dashboard (50 members each).")
    List<Integer> teamRates;

    @Option(names = "--warmup", defaultValue = "10", description = "Seconds of load before each measurement (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seconds", defaultValue = "20", description = "Seconds measured per endpoint and rate (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--only", split = ",", description = "Run only these parts: load, team, progress, streak.")
    List<String> only;

    @Option(names = "--jfr", description = "Record JFR in tracker-api and progress-service into this directory while the learner dashboard runs at the highest rate.")
    Path jfrDir;

    @Option(names = "--streak-reads", defaultValue = "1000", description = "Sequential streak reads per learner for the streak cost (default: ${DEFAULT-VALUE}).")
    int streakReads;

    @Option(names = "--consumers", defaultValue = "3", description = "progress-service's note consumers while seeding (default: ${DEFAULT-VALUE}).")
    int consumers;

    @Option(names = "--seed-threads", defaultValue = "2", description = "Learners uploaded at once while seeding.")
    int seedThreads;

    private final List<String[]> table = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new DashboardBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path repo = services != null ? services.toAbsolutePath() : Path.of("").toAbsolutePath();
        boolean temporary = dataDir == null;
        Path data = temporary ? Files.createTempDirectory("dashboards-bench") : Files.createDirectories(dataDir.toAbsolutePath());
        Seed seed = Seed.readIfPresent(data);
        String adminToken = seed != null ? seed.adminToken : "bench-admin-" + UUID.randomUUID();
        System.out.printf("machine: %d cores, load average at start: %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.println("data: " + data + (seed != null ? " (seeded before: reused)" : "") + "; services from " + repo);
        // Seeding 50 × 1095 notes waits on progress-service's note consumer: several consumers share the
        // topic's partitions (a learner's notes stay in one). Idle while dashboards are measured.
        Platform configured = new Platform(Platform.Settings.onFreePorts(repo, data, adminToken))
                .withEnv("progress-service", Map.of("MP_MESSAGING_INCOMING_NOTES_CONCURRENCY", String.valueOf(consumers)));
        try (Platform platform = configured.start()) {
            this.platform = platform;
            String progressJdbc = platform.stack().jdbcUrl("progress");
            if (seed == null) {
                seed = Seed.create(adminToken, end, members, days, platform.tracker().url(), platform.ingest().url(),
                        platform.stack().jdbcUrl("ingest"), progressJdbc, seedThreads);
                seed.write(data.resolve("seed.json"));
            } else {
                seed.awaitApplied(platform.stack().jdbcUrl("ingest"), progressJdbc,
                        new Seed.Client(platform.tracker().url(), platform.ingest().url(), adminToken), Duration.ofMinutes(90));
            }
            describe(seed, progressJdbc);
            String asOf = "?asOf=" + seed.end;
            String tracker = platform.tracker().url();
            String progress = platform.progress().url();
            Path work = Files.createTempDirectory("dashboards-load");

            List<String> learnerDashboards = new ArrayList<>();
            List<String> progressDashboards = new ArrayList<>();
            for (Seed.Learner member : seed.members.values()) {
                learnerDashboards.add(tracker + "/v1/learners/" + member.id() + "/dashboard" + asOf + "\t" + member.token());
                progressDashboards.add(progress + "/v1/learners/" + member.id() + "/dashboard" + asOf + "\t" + member.token());
            }
            Path trackerHealth = write(work, "tracker-health", List.of(tracker + "/q/health/live\t"));
            Path progressHealth = write(work, "progress-health", List.of(progress + "/q/health/live\t"));
            Path learner = write(work, "learner-dashboard", learnerDashboards);
            Path progressLearner = write(work, "progress-dashboard", progressDashboards);
            Path team = write(work, "team-dashboard", List.of(tracker + "/v1/teams/" + Seed.TEAM + "/dashboard" + asOf + "\t" + seed.ownerToken));

            if (runs("load")) {
                int highest = rates.stream().mapToInt(Integer::intValue).max().orElse(0);
                for (int rate : rates) {
                    Result baseline = load("tracker-api GET /q/health/live", trackerHealth, rate, null);
                    Result dashboard = load("tracker-api learner dashboard", learner, rate,
                            rate == highest && jfrDir != null ? new Platform[]{platform} : null);
                    dashboard.ratioTo(baseline);
                }
            }
            if (runs("progress")) {
                for (int rate : rates) {
                    Result baseline = load("progress-service GET /q/health/live", progressHealth, rate, null);
                    load("progress-service learner dashboard", progressLearner, rate, null).ratioTo(baseline);
                }
            }
            if (runs("team")) {
                for (int rate : teamRates) {
                    Result baseline = load("tracker-api GET /q/health/live", trackerHealth, rate, null);
                    load("tracker-api team dashboard (" + seed.members.size() + " members)", team, rate, null).ratioTo(baseline);
                }
            }
            printTable();
            if (runs("streak")) {
                streakCost(seed, progress, progressJdbc);
            }
            System.out.printf("load average at the end: %s%n", loadAverage());
        } finally {
            if (temporary) {
                System.out.println("(temporary data left in " + data + "; pass --data-dir to reuse a seeded platform)");
            }
        }
        return 0;
    }

    private boolean runs(String part) {
        return only == null || only.contains(part);
    }

    /** What the seeded data looks like, from progress-service's tables. */
    private void describe(Seed seed, String progressJdbc) throws Exception {
        try (Connection db = DriverManager.getConnection(progressJdbc, "postgres", "postgres")) {
            System.out.println("per team member (progress-service's tables): " + scalar(db,
                    "SELECT format('%s notes (%s KiB of note JSON), %s study days, %s lesson mentions, %s question rows', "
                            + "(SELECT count(*) FROM note WHERE learner_id LIKE 'bench-%' AND learner_id <> 'bench-lead') / " + seed.members.size()
                            + ", (SELECT sum(length(body)) FROM note WHERE learner_id LIKE 'bench-%') / 1024 / " + seed.members.size()
                            + ", (SELECT count(*) FROM study_day WHERE learner_id LIKE 'bench-%') / " + seed.members.size()
                            + ", (SELECT count(*) FROM lesson_mention WHERE learner_id LIKE 'bench-%') / " + seed.members.size()
                            + ", (SELECT count(*) FROM note_question WHERE learner_id LIKE 'bench-%') / " + seed.members.size() + ")"));
        }
    }

    private static String scalar(Connection db, String sql) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Runs {@link LoadClient} as its own JVM against the requests in {@code requests}; optionally records JFR meanwhile. */
    private Result load(String endpoint, Path requests, int rate, Platform[] profiled) throws Exception {
        awaitQuiet();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                LoadClient.class.getName(), requests.toString(), String.valueOf(rate), String.valueOf(warmup), String.valueOf(seconds));
        Process client = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (profiled != null) {
            Files.createDirectories(jfrDir);
            // Start after the client's warm-up, so the recording holds the measured seconds only.
            Thread.sleep(warmup * 1000L + 1000);
            jfr(profiled[0].tracker().pid(), "JFR.start", "name=bench", "settings=profile",
                    "filename=" + jfrDir.toAbsolutePath().resolve("tracker-api.jfr"));
            jfr(profiled[0].progress().pid(), "JFR.start", "name=bench", "settings=profile",
                    "filename=" + jfrDir.toAbsolutePath().resolve("progress-service.jfr"));
        }
        String resultLine = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    resultLine = line;
                } else {
                    System.out.println("  client: " + line);
                }
            }
        }
        client.waitFor(2, TimeUnit.MINUTES);
        if (profiled != null) {
            jfr(profiled[0].tracker().pid(), "JFR.stop", "name=bench");
            jfr(profiled[0].progress().pid(), "JFR.stop", "name=bench");
            System.out.println("  JFR recordings in " + jfrDir.toAbsolutePath());
        }
        if (resultLine == null) {
            throw new IllegalStateException("the load client printed no result for " + endpoint + " at " + rate + "/s");
        }
        String[] f = resultLine.split(" ");
        Result result = new Result(endpoint, rate, Long.parseLong(f[2]), Long.parseLong(f[3]), Double.parseDouble(f[4]),
                Long.parseLong(f[5]), Long.parseLong(f[7]), Long.parseLong(f[9]), Long.parseLong(f[10]));
        System.out.printf(Locale.ROOT, "  %-45s %4d/s: achieved %.1f/s, p50 %s, p99 %s, max %s, errors %d, %d bytes a response%n",
                endpoint, rate, result.achieved, ms(result.p50), ms(result.p99), ms(result.max), result.errors, result.bytes);
        table.add(result.row());
        return result;
    }

    private Platform platform;

    /**
     * Waits (up to 3 minutes) until tracker-api and progress-service use under 5 % of a core: a
     * server that fell behind keeps working on requests its client gave up on, which would land
     * on the next measurement.
     */
    private void awaitQuiet() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        int quietSeconds = 0;
        long last = cpuTicks();
        while (quietSeconds < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = cpuTicks();
            quietSeconds = now - last <= 5 ? quietSeconds + 1 : 0; // clock ticks are 1/100 s
            last = now;
        }
    }

    private long cpuTicks() {
        long ticks = 0;
        for (long pid : new long[]{platform.tracker().pid(), platform.progress().pid()}) {
            try {
                String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ", 2)[1].split(" ");
                ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]); // utime, stime
            } catch (Exception e) {
                return 0;
            }
        }
        return ticks;
    }

    private static void jfr(long pid, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("jcmd", String.valueOf(pid)));
        command.addAll(List.of(args));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        jcmd.waitFor(30, TimeUnit.SECONDS);
    }

    private void printTable() {
        if (table.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.printf("%-45s %6s %9s %9s %9s %9s %7s %10s%n", "endpoint", "rate/s", "achieved", "p50 ms", "p99 ms", "max ms", "errors", "p99/base");
        for (String[] row : table) {
            System.out.printf("%-45s %6s %9s %9s %9s %9s %7s %10s%n", (Object[]) row);
        }
        System.out.println();
    }

    /**
     * Streak cost: sequential reads of each streak-cost learner's streak from progress-service
     * (p50, p99), and the work PostgreSQL does for the read's query (rows and buffers, from
     * EXPLAIN (ANALYZE, BUFFERS) of the query the service sends), beside the learner's notes and
     * revisions, which the read must not depend on.
     */
    private void streakCost(Seed seed, String progress, String progressJdbc) throws Exception {
        awaitQuiet();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        System.out.println("streak cost (progress-service GET /v1/learners/{id}/streak, " + streakReads + " sequential reads each, after "
                + streakReads / 2 + " warm-up reads):");
        System.out.printf("%-24s %7s %9s %10s %11s %10s %10s %11s %11s %12s%n", "learner", "active", "notes", "revisions",
                "study_day", "p50 ms", "p99 ms", "rows read", "buffers", "base p50 ms");
        try (Connection db = DriverManager.getConnection(progressJdbc, "postgres", "postgres")) {
            for (Seed.Learner learner : seed.streakShapes.values()) {
                HttpRequest read = HttpRequest.newBuilder(URI.create(progress + "/v1/learners/" + learner.id() + "/streak?asOf=" + seed.end))
                        .header("Authorization", "Bearer " + learner.token()).build();
                HttpRequest health = HttpRequest.newBuilder(URI.create(progress + "/q/health/live")).build();
                Histogram reads = sequential(http, read, streakReads);
                Histogram baseline = sequential(http, health, streakReads);
                Map<String, Long> counts = counts(db, learner.id());
                long[] work = explainStreakQuery(db, learner.id());
                System.out.printf(Locale.ROOT, "%-24s %7d %9d %10d %11d %10s %10s %11d %11d %12s%n", learner.id(), learner.activeDays(),
                        counts.get("notes"), counts.get("revisions"), counts.get("studyDays"), ms(reads.getValueAtPercentile(50)),
                        ms(reads.getValueAtPercentile(99)), work[0], work[1], ms(baseline.getValueAtPercentile(50)));
            }
        }
        System.out.println("(rows read and buffers: EXPLAIN (ANALYZE, BUFFERS) of the study_day query a streak read sends; "
                + "revisions: ingest revisions applied, the sum of each note's revision number)");
    }

    private static Histogram sequential(HttpClient http, HttpRequest request, int reads) throws Exception {
        for (int i = 0; i < reads / 2; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        Histogram histogram = new Histogram(60_000_000L, 3);
        for (int i = 0; i < reads; i++) {
            long started = System.nanoTime();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            histogram.recordValue((System.nanoTime() - started) / 1000);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
        }
        return histogram;
    }

    private static Map<String, Long> counts(Connection db, String learnerId) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT (SELECT count(*) FROM note WHERE learner_id = ? AND NOT deleted), "
                + "(SELECT coalesce(sum(revision), 0) FROM note WHERE learner_id = ?), (SELECT count(*) FROM study_day WHERE learner_id = ?)")) {
            query.setString(1, learnerId);
            query.setString(2, learnerId);
            query.setString(3, learnerId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                counts.put("notes", rows.getLong(1));
                counts.put("revisions", rows.getLong(2));
                counts.put("studyDays", rows.getLong(3));
            }
        }
        return counts;
    }

    /** Rows the streak query returns and the shared buffers it touches (hit + read), as PostgreSQL reports them. */
    private static long[] explainStreakQuery(Connection db, String learnerId) throws Exception {
        // The statement StudyDayRepository.daysOf sends (Hibernate's SQL for its HQL projection).
        String sql = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT sd.study_date, sd.active_notes > 0, sd.tasks_done "
                + "FROM study_day sd WHERE sd.learner_id = ? ORDER BY sd.study_date";
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, learnerId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                var plan = Seed.JSON.readTree(rows.getString(1)).path(0).path("Plan");
                return new long[]{plan.path("Actual Rows").asLong(), plan.path("Shared Hit Blocks").asLong() + plan.path("Shared Read Blocks").asLong()};
            }
        }
    }

    private static Path write(Path dir, String name, List<String> lines) throws Exception {
        return Files.write(dir.resolve(name + ".txt"), lines);
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "(unknown)";
        }
    }

    /** One endpoint at one rate. Times in microseconds. */
    private static final class Result {
        final String endpoint;
        final int rate;
        final long ok;
        final long errors;
        final double achieved;
        final long p50;
        final long p99;
        final long max;
        final long bytes;
        String ratio = "baseline";

        Result(String endpoint, int rate, long ok, long errors, double achieved, long p50, long p99, long max, long bytes) {
            this.endpoint = endpoint;
            this.rate = rate;
            this.ok = ok;
            this.errors = errors;
            this.achieved = achieved;
            this.p50 = p50;
            this.p99 = p99;
            this.max = max;
            this.bytes = bytes;
        }

        void ratioTo(Result baseline) {
            ratio = String.format(Locale.ROOT, "%.1f×", (double) p99 / Math.max(1, baseline.p99));
            // The table row was added when the result came in; refresh its ratio column.
            row[7] = ratio;
        }

        private final String[] row = new String[8];

        String[] row() {
            row[0] = endpoint;
            row[1] = String.valueOf(rate);
            row[2] = String.format(Locale.ROOT, "%.1f", achieved);
            row[3] = ms(p50);
            row[4] = ms(p99);
            row[5] = ms(max);
            row[6] = String.valueOf(errors);
            row[7] = ratio;
            return row;
        }
    }
}
