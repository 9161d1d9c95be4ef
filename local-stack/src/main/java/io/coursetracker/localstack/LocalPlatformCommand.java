package io.coursetracker.localstack;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code deploy/local/run.sh}: the whole platform on this machine, until Ctrl-C. */
@Command(name = "run.sh", mixinStandardHelpOptions = true,
        description = {
                "Starts Kafka, PostgreSQL and the three Course Tracker services on this machine,",
                "loads the sample vaults, prints where everything is, and runs until Ctrl-C.",
                "Data (Kafka log, database, service logs) lives in --data-dir and survives a restart."})
public final class LocalPlatformCommand implements Callable<Integer> {

    @Option(names = "--data-dir", description = "where all data and logs live (default: $COURSE_TRACKER_HOME or ~/.course-tracker)")
    Path dataDir;

    @Option(names = "--repo", description = "the Course Tracker checkout whose services to run (default: current folder)")
    Path repoRoot = Path.of("").toAbsolutePath();

    @Option(names = "--no-sample", description = "do not load the sample vaults")
    boolean noSample;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka's client port (default: ${DEFAULT-VALUE})")
    int kafkaPort;

    @Option(names = "--kafka-controller-port", defaultValue = "9093", description = "Kafka's controller port (default: ${DEFAULT-VALUE})")
    int kafkaControllerPort;

    @Option(names = "--postgres-port", defaultValue = "5432", description = "PostgreSQL's port (default: ${DEFAULT-VALUE})")
    int postgresPort;

    @Option(names = "--tracker-port", defaultValue = "8080", description = "tracker-api (default: ${DEFAULT-VALUE})")
    int trackerPort;

    @Option(names = "--ingest-port", defaultValue = "8081", description = "ingest-service (default: ${DEFAULT-VALUE})")
    int ingestPort;

    @Option(names = "--progress-port", defaultValue = "8082", description = "progress-service (default: ${DEFAULT-VALUE})")
    int progressPort;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalPlatformCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path data = dataDir != null ? dataDir : defaultDataDir();
        Files.createDirectories(data);
        String adminToken = adminToken(data);
        long started = System.nanoTime();
        Platform platform = new Platform(new Platform.Settings(repoRoot, data, adminToken,
                kafkaPort, kafkaControllerPort, postgresPort, trackerPort, ingestPort, progressPort));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Course Tracker…");
            try {
                platform.close();
            } catch (Exception e) {
                System.err.println("stopping failed: " + e.getMessage());
            }
            stopped.countDown();
        }, "stop-platform"));
        platform.start();
        long readyMillis = (System.nanoTime() - started) / 1_000_000;

        Map<String, String> tokens = Map.of();
        Optional<String> team = Optional.empty();
        if (!noSample) {
            Path vaults = repoRoot.resolve("deploy/local/sample-vaults");
            SampleVaults samples = new SampleVaults(platform.tracker().url(), platform.ingest().url(), adminToken);
            tokens = samples.load(vaults, data.resolve("sample-tokens.json"));
            team = samples.studyGroup(tokens);
        }
        printWelcome(platform, data, readyMillis, tokens, team);
        stopped.await();
        return 0;
    }

    private static void printWelcome(Platform platform, Path data, long readyMillis, Map<String, String> tokens, Optional<String> team) {
        System.out.printf("%nCourse Tracker is up (ready in %.1f s).%n", readyMillis / 1000.0);
        System.out.printf("  web page          %s/   (open it and sign in with a learner's token, or the admin token)%n",
                platform.tracker().url());
        System.out.printf("  tracker-api       %s   (dashboards, learners)%n", platform.tracker().url());
        System.out.printf("  ingest-service    %s   (note edits)%n", platform.ingest().url());
        System.out.printf("  progress-service  %s   (progress, internal)%n", platform.progress().url());
        System.out.printf("  Kafka             %s%n", platform.stack().bootstrapServers());
        System.out.printf("  PostgreSQL        %s%n", platform.stack().jdbcUrl("<ingest|progress|tracker>"));
        System.out.printf("  data and logs     %s%n", data);
        System.out.printf("  admin token       in %s%n", data.resolve("admin-token"));
        tokens.forEach((learner, token) -> {
            System.out.printf("%n  sample learner '%s', token %s%n", learner, token);
            System.out.printf("    curl -H 'Authorization: Bearer %s' %s/v1/learners/%s/progress%n",
                    token, platform.tracker().url(), learner);
        });
        team.ifPresent(id -> System.out.printf("%n  sample team       %s/teams/%s   (%s; sign in as '%s', its owner, or as a member)%n",
                platform.tracker().url(), id, String.join(", ", SampleVaults.STUDY_GROUP_MEMBERS), SampleVaults.STUDY_GROUP_OWNER));
        System.out.println("\nCtrl-C stops everything.");
    }

    private static Path defaultDataDir() {
        String home = System.getenv("COURSE_TRACKER_HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".course-tracker");
    }

    /** TRACKER_ADMIN_TOKEN if set; otherwise one made once for this data folder and kept there (owner-only). */
    private static String adminToken(Path data) throws java.io.IOException {
        String fromEnv = System.getenv("TRACKER_ADMIN_TOKEN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path file = data.resolve("admin-token");
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            Files.writeString(file, "ct_admin_" + java.util.HexFormat.of().formatHex(random));
            SampleVaults.ownerOnly(file);
        }
        return Files.readString(file).trim();
    }
}
