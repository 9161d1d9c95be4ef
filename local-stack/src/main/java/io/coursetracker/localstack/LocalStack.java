package io.coursetracker.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

/**
 * Kafka and PostgreSQL for one machine: what {@code deploy/local/run.sh}, the services' tests and CI
 * all start. Everything it stores lives below {@code dataDir}.
 */
public final class LocalStack implements AutoCloseable {
    /** One database per service; each service owns its tables and reads no other's. */
    public static final List<String> SERVICE_DATABASES = List.of("ingest", "progress", "tracker");

    private final KafkaBroker kafka;
    private final PostgresServer postgres;

    public LocalStack(Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort) {
        this.kafka = new KafkaBroker(dataDir.resolve("kafka"), kafkaPort, kafkaControllerPort);
        this.postgres = new PostgresServer(dataDir.resolve("postgres"), postgresPort);
    }

    /** A stack on free ports, for tests. */
    public static LocalStack onFreePorts(Path dataDir) {
        return new LocalStack(dataDir, freePort(), freePort(), freePort());
    }

    public LocalStack start() throws IOException, InterruptedException {
        postgres.start(SERVICE_DATABASES);
        kafka.start();
        StackTopics.createMissing(kafka.bootstrapServers());
        return this;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    @Override
    public void close() throws IOException {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
