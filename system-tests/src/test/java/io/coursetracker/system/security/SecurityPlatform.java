package io.coursetracker.system.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.localstack.Platform;
import io.coursetracker.localstack.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * One packaged platform (Kafka, PostgreSQL, the three services as processes) shared by the security
 * tests of this JVM, started on first use and stopped when the JVM ends, so the matrix, rotation,
 * erasure and fuzz tests pay for one start. Remembers every token it has seen, for the log check.
 */
final class SecurityPlatform {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPO = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static SecurityPlatform shared;

    final String adminToken = "admin-" + UUID.randomUUID();
    final Platform platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> tokensSeen = Collections.synchronizedList(new ArrayList<>());

    private SecurityPlatform(Path dataDir) throws IOException, InterruptedException {
        tokensSeen.add(adminToken);
        platform = new Platform(Platform.Settings.onFreePorts(REPO, dataDir, adminToken)).start();
    }

    static synchronized SecurityPlatform get() {
        if (shared == null) {
            try {
                Path dataDir = Files.createTempDirectory("security-it");
                shared = new SecurityPlatform(dataDir);
                SecurityPlatform started = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.platform.close();
                    } catch (Exception ignored) {
                        // the JVM is ending
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    String tracker() {
        return platform.tracker().url();
    }

    String ingest() {
        return platform.ingest().url();
    }

    String progress() {
        return platform.progress().url();
    }

    List<Path> logFiles() {
        return List.of(platform.tracker().logFile(), platform.ingest().logFile(), platform.progress().logFile());
    }

    List<String> tokensSeen() {
        synchronized (tokensSeen) {
            return List.copyOf(tokensSeen);
        }
    }

    /** Creates a learner (as the admin) and answers its token. */
    String createLearner(String id) {
        HttpResponse<String> created = send("POST", tracker() + "/v1/learners", adminToken, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"timezone\":\"Europe/Berlin\"}"));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating " + id + ": " + created.statusCode() + " " + created.body());
        }
        String token = json(created).path("token").asText();
        tokensSeen.add(token);
        return token;
    }

    void remember(String token) {
        tokensSeen.add(token);
    }

    HttpResponse<String> send(String method, String url, String token, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String url, String token) {
        return send("GET", url, token, null, null);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** How many rows of the table in the service's database belong to the learner. */
    long rows(String database, String table, String learnerId) {
        try (Connection connection = DriverManager.getConnection(platform.stack().jdbcUrl(database),
                PostgresServer.USER, PostgresServer.PASSWORD);
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE learner_id = ?")) {
            query.setString(1, learnerId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
