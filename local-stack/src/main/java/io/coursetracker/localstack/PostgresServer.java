package io.coursetracker.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real PostgreSQL 17 server from the embedded binaries, its data kept in {@code dataDir} across
 * restarts. Each service gets its own database: none reads another's tables.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    public PostgresServer(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public synchronized void start(List<String> databases) throws IOException {
        Files.createDirectories(dataDir);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                // The embedded defaults trade durability for speed (fsync and synchronous_commit off);
                // an accepted edit must survive a crash, so both are on.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String database : databases) {
                try (ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (!exists.next()) {
                        statement.execute("CREATE DATABASE \"" + database + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("creating the services' databases failed", e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    @Override
    public synchronized void close() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
