package io.coursetracker.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole platform on one machine: Kafka and PostgreSQL in this JVM, and the three services as
 * their own JVMs. What {@code deploy/local/run.sh} and the system tests start.
 */
public final class Platform implements AutoCloseable {
    private static final Duration READY_LIMIT = Duration.ofSeconds(90);

    /** Where everything listens, and where its data and logs live. */
    public record Settings(Path repoRoot, Path dataDir, String adminToken,
                           int kafkaPort, int kafkaControllerPort, int postgresPort,
                           int trackerPort, int ingestPort, int progressPort) {

        public static Settings onFreePorts(Path repoRoot, Path dataDir, String adminToken) {
            return new Settings(repoRoot, dataDir, adminToken, LocalStack.freePort(), LocalStack.freePort(),
                    LocalStack.freePort(), LocalStack.freePort(), LocalStack.freePort(), LocalStack.freePort());
        }
    }

    private final Settings settings;
    private final LocalStack stack;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, Map<String, String>> extraEnv = new java.util.HashMap<>();
    private ServiceProcess tracker;
    private ServiceProcess ingest;
    private ServiceProcess progress;

    public Platform(Settings settings) {
        this.settings = settings;
        this.stack = new LocalStack(settings.dataDir(), settings.kafkaPort(), settings.kafkaControllerPort(), settings.postgresPort());
    }

    /** Adds environment variables for one service (by module name), e.g. a setting a benchmark needs; call before {@link #start}. */
    public Platform withEnv(String module, Map<String, String> env) {
        extraEnv.computeIfAbsent(module, m -> new java.util.HashMap<>()).putAll(env);
        return this;
    }

    public Platform start() throws IOException, InterruptedException {
        stack.start();
        try {
            progress = startService("progress-service", "progress", settings.progressPort());
            ingest = startService("ingest-service", "ingest", settings.ingestPort());
            tracker = startService("tracker-api", "tracker", settings.trackerPort());
            for (ServiceProcess service : services) {
                service.awaitReady(READY_LIMIT);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    private ServiceProcess startService(String module, String database, int port) throws IOException {
        Path jar = settings.repoRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", stack.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER,
                "QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD,
                "TRACKER_ADMIN_TOKEN", settings.adminToken(),
                "PROGRESS_SERVICE_URL", "http://127.0.0.1:" + settings.progressPort()));
        env.putAll(extraEnv.getOrDefault(module, Map.of()));
        ServiceProcess service = ServiceProcess.start(module, jar, port, env,
                settings.dataDir().resolve("logs").resolve(module + ".log"));
        services.add(service);
        return service;
    }

    public LocalStack stack() {
        return stack;
    }

    public ServiceProcess tracker() {
        return tracker;
    }

    public ServiceProcess ingest() {
        return ingest;
    }

    public ServiceProcess progress() {
        return progress;
    }

    /** Stops ingest-service (SIGTERM), as an operator or an outage would; Kafka, PostgreSQL and the others stay. */
    public void stopIngest() throws InterruptedException {
        services.remove(ingest);
        ingest.close();
    }

    /** Kills ingest-service with SIGKILL, as a crash would. */
    public void killIngest() throws InterruptedException {
        kill(ingest);
    }

    /** Starts ingest-service again on its port and waits until it is ready. */
    public ServiceProcess startIngest() throws IOException, InterruptedException {
        ingest = startAndAwait("ingest-service", "ingest", settings.ingestPort());
        return ingest;
    }

    /** Kills progress-service with SIGKILL, as a crash would. */
    public void killProgress() throws InterruptedException {
        kill(progress);
    }

    /** Starts progress-service again on its port and waits until it is ready. */
    public ServiceProcess startProgress() throws IOException, InterruptedException {
        progress = startAndAwait("progress-service", "progress", settings.progressPort());
        return progress;
    }

    private void kill(ServiceProcess service) throws InterruptedException {
        services.remove(service);
        service.kill();
    }

    private ServiceProcess startAndAwait(String module, String database, int port) throws IOException, InterruptedException {
        ServiceProcess service = startService(module, database, port);
        service.awaitReady(READY_LIMIT);
        return service;
    }

    /** Stops the services first (they flush and commit), then Kafka and PostgreSQL. */
    @Override
    public void close() throws IOException, InterruptedException {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        stack.close();
    }
}
