package io.coursetracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.localstack.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team's own course across the three packaged services, on a real Kafka and PostgreSQL: an admin
 * publishes it through tracker-api, a learner follows it through {@code PATCH}, ingest-service
 * resolves the learner's note against it, progress-service shows it, recomputes it when the admin
 * replaces the catalog, and still shows it after a restart (from its own table, not the topic).
 */
class TeamCourseFlowIT {
    private static final ObjectMapper JSON = PlatformClient.JSON;
    private static final String COURSE = "team-vision";
    private static final String NOTE = """
            # 2026-11-20
            ## Goals for Today
            - [x] Watched the Vision kickoff recording
            """;

    private final String adminToken = "admin-" + UUID.randomUUID();

    @TempDir
    Path dataDir;

    Platform.Settings settings;
    Platform platform;
    PlatformClient client;

    @BeforeEach
    void startPlatform() throws Exception {
        settings = Platform.Settings.onFreePorts(PlatformClient.REPO, dataDir, adminToken);
        platform = new Platform(settings).start();
        client = new PlatformClient(platform, adminToken);
    }

    @AfterEach
    void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aPublishedCourseIsResolvedShownRecomputedWhenReplacedAndKeptAcrossARestart() throws Exception {
        HttpResponse<String> published = putCourse(catalog("Vision kickoff", "Vision workshop"));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);

        String token = client.createLearner("{\"id\":\"vera\"}");

        HttpResponse<String> patched = send(request(platform.tracker().url() + "/v1/learners/vera", token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"courses\":[\"fastai-part1-2022\",\"" + COURSE + "\"]}")));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        // Straight after the PATCH's 200: ingest-service already resolves against the new course.
        HttpResponse<String> saved = client.putNote("vera", token, "Daily/2026-11-20.md", NOTE);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(202);
        assertThat(JSON.readTree(saved.body()).at("/note/tasks/0/lessons/0/course").asText()).isEqualTo(COURSE);

        JsonNode course = awaitCourse(token, c -> c.at("/lessons/0/activities/watch").asBoolean(), Duration.ofSeconds(10));
        assertThat(course.at("/lessons/0/status").asText()).isEqualTo("in_progress");

        // The admin renames the sessions: "Vision kickoff" now names lesson 2.
        assertThat(putCourse(catalog("Vision intro", "Vision kickoff")).statusCode()).isEqualTo(200);
        awaitCourse(token, c -> !c.at("/lessons/0/activities/watch").asBoolean()
                && c.at("/lessons/1/activities/watch").asBoolean(), Duration.ofSeconds(10));

        platform.close();
        platform = new Platform(settings).start();
        client.use(platform);

        JsonNode afterRestart = awaitCourse(token, c -> true, Duration.ofSeconds(30));
        assertThat(afterRestart.at("/lessons/1/activities/watch").asBoolean()).isTrue();
        assertThat(afterRestart.at("/lessons/1/title").asText()).isEqualTo("Workshop");
    }

    private HttpResponse<String> putCourse(String catalog) throws Exception {
        return send(request(platform.tracker().url() + "/v1/courses/" + COURSE, adminToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(catalog)));
    }

    private static String catalog(String lesson1Alias, String lesson2Alias) {
        return """
                {"id": "%s", "title": "Team vision track", "lessons": [
                  {"number": 1, "title": "Kickoff", "url": "https://team.example.org/vision/1", "aliases": ["%s"]},
                  {"number": 2, "title": "Workshop", "url": "https://team.example.org/vision/2", "aliases": ["%s"]}
                ]}
                """.formatted(COURSE, lesson1Alias, lesson2Alias);
    }

    private JsonNode awaitCourse(String token, Predicate<JsonNode> expected, Duration limit) throws Exception {
        return courseOf(client.awaitLearner("vera", token, "/progress", progress -> !courseOf(progress).isMissingNode() && expected.test(courseOf(progress)), limit));
    }

    private static JsonNode courseOf(JsonNode progress) {
        for (JsonNode candidate : progress.path("courses")) {
            if (COURSE.equals(candidate.path("course").asText())) {
                return candidate;
            }
        }
        return JSON.missingNode();
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request);
    }
}
