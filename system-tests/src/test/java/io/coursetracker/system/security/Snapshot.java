package io.coursetracker.system.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coursetracker.localstack.PostgresServer;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * What a learner has, read as the learner sees it (progress, streak, calendar, questions through
 * tracker-api) and as the services store it (ingest's note heads, progress-service's notes), taken
 * once progress-service has applied every revision ingest-service accepted.
 */
final class Snapshot {
    private Snapshot() {
    }

    static JsonNode of(SecurityPlatform p, String learner, String token) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            String ingestHeads = rows(p, "ingest", "SELECT note_path || '@' || revision || ':' || coalesce(content_sha256, 'deleted') "
                    + "FROM note_head WHERE learner_id = ? ORDER BY note_path", learner);
            String ingestRevisions = rows(p, "ingest", "SELECT note_path || '@' || revision FROM note_head WHERE learner_id = ? ORDER BY note_path", learner);
            String progressNotes = rows(p, "progress", "SELECT note_path || '@' || revision FROM note WHERE learner_id = ? ORDER BY note_path", learner);
            if (ingestRevisions.equals(progressNotes) || Instant.now().isAfter(deadline)) {
                ObjectNode snapshot = SecurityPlatform.JSON.createObjectNode();
                snapshot.put("ingestNotes", ingestHeads);
                snapshot.put("progressNotes", progressNotes);
                String base = p.tracker() + "/v1/learners/" + learner;
                snapshot.set("progress", read(p, base + "/progress", token));
                snapshot.set("streak", read(p, base + "/streak?asOf=2026-11-30", token));
                snapshot.set("calendar", read(p, base + "/calendar?from=2026-11-01&to=2026-11-30", token));
                snapshot.set("questions", read(p, base + "/questions?status=all", token));
                return snapshot;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonNode read(SecurityPlatform p, String url, String token) {
        HttpResponse<String> response = p.get(url, token);
        if (response.statusCode() != 200) {
            throw new AssertionError(url + ": " + response.statusCode() + " " + response.body());
        }
        return SecurityPlatform.json(response);
    }

    private static String rows(SecurityPlatform p, String database, String sql, String learner) {
        try (Connection connection = DriverManager.getConnection(p.platform.stack().jdbcUrl(database),
                PostgresServer.USER, PostgresServer.PASSWORD);
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, learner);
            StringBuilder rows = new StringBuilder();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.append(result.getString(1)).append('\n');
                }
            }
            return rows.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
