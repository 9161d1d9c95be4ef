package io.coursetracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.localstack.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton end to end: the three packaged services as their own processes, a real
 * Kafka broker and PostgreSQL, and the seed note (broken encoding and all) saved by a learner.
 */
class SeedNoteFlowIT {
    private static final Path SEED = PlatformClient.REPO.resolveSibling("shared").resolve("seeds/000_1265dcd91be246a5.txt");
    private static final ObjectMapper JSON = PlatformClient.JSON;

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
    void theSeedNoteShowsLessonOneInProgressWithinTwoSecondsAndSurvivesARestart() throws Exception {
        assertThat(SEED).as("the seed note beside the repository").exists();
        String token = client.createLearner("{\"id\":\"seed-learner\",\"timezone\":\"Europe/Warsaw\"}");

        // Straight after the 201: the new token must already work on ingest-service.
        HttpResponse<String> saved = putSeed(token);
        Instant acceptedAt = Instant.now();
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(202);
        JsonNode note = JSON.readTree(saved.body()).path("note");
        assertThat(note.path("date").asText()).isEqualTo("2025-08-02");

        JsonNode lesson1 = awaitLesson1(token, lesson -> "in_progress".equals(lesson.path("status").asText()), Duration.ofSeconds(2));
        Duration visibleAfter = Duration.between(acceptedAt, Instant.now());
        System.out.printf("seed note visible in tracker-api %d ms after its 202%n", visibleAfter.toMillis());
        assertThat(lesson1.path("completion").asDouble()).isEqualTo(0.25);
        assertThat(lesson1.path("activities").path("watch").asBoolean()).isTrue();
        assertThat(lesson1.path("activities").path("read").asBoolean()).isFalse();

        // An edit undoes completion: the note as it is now is what counts.
        HttpResponse<String> edited = putNote(token, new String(Files.readAllBytes(SEED), java.nio.charset.StandardCharsets.UTF_8)
                .replace("- [x] Watch", "- [ ] Watch").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Instant editAcceptedAt = Instant.now();
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(202);
        JsonNode unwatched = awaitLesson1(token, lesson -> !lesson.path("activities").path("watch").asBoolean(), Duration.ofSeconds(2));
        System.out.printf("an edit visible in tracker-api %d ms after its 202%n", Duration.between(editAcceptedAt, Instant.now()).toMillis());
        assertThat(unwatched.path("completion").asDouble()).isZero();
        assertThat(putSeed(token).statusCode()).isEqualTo(202);
        awaitLesson1(token, lesson -> lesson.path("activities").path("watch").asBoolean(), Duration.ofSeconds(2));

        platform.close();
        platform = new Platform(settings).start();
        client.use(platform);

        JsonNode afterRestart = awaitLesson1(token, lesson -> true, Duration.ofSeconds(30));
        assertThat(afterRestart.path("status").asText()).isEqualTo("in_progress");
        assertThat(afterRestart.path("completion").asDouble()).isEqualTo(0.25);
        HttpResponse<String> again = putSeed(token);
        assertThat(again.statusCode()).as("ingest-service remembers the revision across a restart").isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("revision").asInt()).isEqualTo(3);
        assertThat(JSON.readTree(again.body()).path("status").asText()).isEqualTo("unchanged");
    }

    private HttpResponse<String> putSeed(String token) throws Exception {
        return putNote(token, Files.readAllBytes(SEED));
    }

    private HttpResponse<String> putNote(String token, byte[] content) throws Exception {
        return client.putNote("seed-learner", token, "Daily/2025-08-02.md", content);
    }

    private JsonNode awaitLesson1(String token, Predicate<JsonNode> expected, Duration limit) throws Exception {
        return PlatformClient.lesson(client.awaitLearner("seed-learner", token, "/progress",
                progress -> expected.test(PlatformClient.lesson(progress, 1)), limit), 1);
    }
}
