package io.coursetracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.localstack.Platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the system tests do with the packaged platform, over HTTP as a client would: create a
 * learner through tracker-api, save and delete notes through ingest-service, read tracker-api,
 * and poll a read until it shows what a test expects.
 */
final class PlatformClient {
    /** The repository root; the services' packaged jars are found below it. */
    static final Path REPO = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminToken;
    private Platform platform;

    PlatformClient(Platform platform, String adminToken) {
        this.platform = platform;
        this.adminToken = adminToken;
    }

    /** After a restart the services listen on the same ports, but the handle is a new one. */
    void use(Platform restarted) {
        this.platform = restarted;
    }

    String adminToken() {
        return adminToken;
    }

    /** Creates a learner (admin) with the given JSON body; returns their token. */
    String createLearner(String body) throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(platform.tracker().url() + "/v1/learners"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("token").asText();
    }

    HttpResponse<String> putNote(String learner, String token, String notePath, byte[] markdown) throws Exception {
        return send(HttpRequest.newBuilder(noteUri(learner, notePath))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/markdown")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(markdown)));
    }

    HttpResponse<String> putNote(String learner, String token, String notePath, String markdown) throws Exception {
        return putNote(learner, token, notePath, markdown.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> deleteNote(String learner, String token, String notePath) throws Exception {
        return send(HttpRequest.newBuilder(noteUri(learner, notePath)).header("Authorization", "Bearer " + token).DELETE());
    }

    /** GET on tracker-api, e.g. {@code /v1/learners/sam/streak?asOf=2026-10-09}. */
    HttpResponse<String> getTracker(String pathAndQuery, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(platform.tracker().url() + pathAndQuery))
                .header("Authorization", "Bearer " + token).GET());
    }

    /** GET on progress-service directly, e.g. its audit view {@code /v1/learners/sam/notes}. */
    HttpResponse<String> getProgressService(String pathAndQuery, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(platform.progress().url() + pathAndQuery))
                .header("Authorization", "Bearer " + token).GET());
    }

    /** A learner's read on tracker-api that must answer 200, e.g. {@code readLearner("sam", token, "/progress")}. */
    JsonNode readLearner(String learner, String token, String read) throws Exception {
        HttpResponse<String> response = getTracker("/v1/learners/" + learner + read, token);
        assertThat(response.statusCode()).as(read + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Polls a learner's read until it satisfies {@code expected}, or fails after {@code limit}. */
    JsonNode awaitLearner(String learner, String token, String read, Predicate<JsonNode> expected, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        JsonNode last = null;
        do {
            HttpResponse<String> response = getTracker("/v1/learners/" + learner + read, token);
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body());
                if (expected.test(last)) {
                    return last;
                }
            }
            Thread.sleep(25);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(read + " not as expected within " + limit.toMillis() + " ms; last seen: " + last);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Lesson {@code number} of the first course in a progress answer, or a missing node. */
    static JsonNode lesson(JsonNode progress, int number) {
        for (JsonNode lesson : progress.path("courses").path(0).path("lessons")) {
            if (lesson.path("lesson").asInt() == number) {
                return lesson;
            }
        }
        return JSON.missingNode();
    }

    private URI noteUri(String learner, String notePath) {
        List<String> segments = new ArrayList<>();
        for (String segment : notePath.split("/")) {
            segments.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(platform.ingest().url() + "/v1/learners/" + learner + "/notes/" + String.join("/", segments));
    }
}
