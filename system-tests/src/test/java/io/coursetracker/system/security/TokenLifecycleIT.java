package io.coursetracker.system.security;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token rotation and erasure across the three packaged services on a real Kafka and PostgreSQL:
 * a rotated token stops working everywhere within a second while the new one works at once, and an
 * erased learner's token, notes and progress are gone from every service and stay gone.
 */
class TokenLifecycleIT {
    private static final String NOTE = """
            # 2026-11-24
            ## Goals for Today
            - [x] Watch the [Lesson 3 video](https://course.fast.ai/Lessons/lesson3.html)
            ## Questions
            - Why does SGD need a learning rate schedule?
            """;

    private final SecurityPlatform p = SecurityPlatform.get();

    @Test
    void aRotatedTokenStopsWorkingEverywhereWithinASecondAndTheNewOneWorksAtOnce() {
        String oldToken = p.createLearner("rota");
        assertThat(putNote("rota", oldToken, "Daily/2026-11-24.md").statusCode()).isEqualTo(202);
        awaitStatus(() -> p.get(p.progress() + "/v1/learners/rota/progress", oldToken), 200, Duration.ofSeconds(5));

        HttpResponse<String> rotated = p.send("POST", p.tracker() + "/v1/learners/rota/token", oldToken, null, null);
        Instant answered = Instant.now();
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newToken = SecurityPlatform.json(rotated).path("token").asText();
        p.remember(newToken);
        assertThat(SecurityPlatform.json(rotated).path("id").asText()).isEqualTo("rota");
        assertThat(newToken).startsWith("ct_").isNotEqualTo(oldToken);

        // The new token at once, first on the service that learns it from the topic.
        assertThat(putNote("rota", newToken, "Daily/2026-11-25.md").statusCode()).isEqualTo(202);

        List<Supplier<HttpResponse<String>>> oldTokenCalls = List.of(
                () -> p.get(p.tracker() + "/v1/learners/rota/streak", oldToken),
                () -> p.send("POST", p.ingest() + "/v1/parse?path=a.md", oldToken, "text/markdown",
                        HttpRequest.BodyPublishers.ofString(NOTE)),
                () -> p.get(p.progress() + "/v1/learners/rota/progress", oldToken));
        List<String> services = List.of("tracker-api", "ingest-service", "progress-service");
        for (int i = 0; i < oldTokenCalls.size(); i++) {
            Duration took = awaitStatus(oldTokenCalls.get(i), 401, Duration.ofSeconds(5), answered);
            System.out.printf("old token refused by %s %d ms after the rotation's 200%n", services.get(i), took.toMillis());
            assertThat(took).as(services.get(i)).isLessThanOrEqualTo(Duration.ofSeconds(1));
        }
        assertThat(p.get(p.tracker() + "/v1/learners/rota/progress", newToken).statusCode()).isEqualTo(200);
        assertThat(p.get(p.progress() + "/v1/learners/rota/streak", newToken).statusCode()).isEqualTo(200);
    }

    @Test
    void anErasedLearnerIsGoneFromEveryServiceAndNothingComesBack() {
        String token = p.createLearner("erin");
        String adminToken = p.adminToken;
        for (int day = 10; day < 15; day++) {
            assertThat(putNote("erin", token, "Daily/2026-11-" + day + ".md").statusCode()).isEqualTo(202);
        }
        Instant applied = Instant.now().plusSeconds(10);
        while (p.rows("progress", "note", "erin") < 5 && Instant.now().isBefore(applied)) {
            pause();
        }
        assertThat(p.rows("progress", "note", "erin")).isEqualTo(5);
        assertThat(p.rows("progress", "study_day", "erin")).isEqualTo(5);
        // More edits right before the erasure: some may still be in ingest's outbox or on the topic when it lands.
        for (int day = 15; day < 20; day++) {
            putNote("erin", token, "Daily/2026-11-" + day + ".md");
        }

        HttpResponse<String> erased = p.send("DELETE", p.tracker() + "/v1/learners/erin", token, null, null);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);

        awaitStatus(() -> putNote("erin", token, "Daily/2026-11-21.md"), 401, Duration.ofSeconds(5));
        awaitStatus(() -> p.get(p.progress() + "/v1/learners/erin/progress", token), 401, Duration.ofSeconds(5));
        assertThat(p.get(p.tracker() + "/v1/learners/erin/progress", token).statusCode()).isEqualTo(401);
        awaitStatus(() -> p.get(p.progress() + "/v1/learners/erin/progress", adminToken), 404, Duration.ofSeconds(5));
        HttpResponse<String> adminRead = p.get(p.tracker() + "/v1/learners/erin/dashboard", adminToken);
        assertThat(adminRead.statusCode()).isEqualTo(404);
        assertThat(adminRead.body()).contains("erin");
        assertThat(p.send("PUT", p.ingest() + "/v1/learners/erin/notes/x.md", adminToken, "text/markdown",
                HttpRequest.BodyPublishers.ofString(NOTE)).statusCode()).isEqualTo(404);

        awaitZero("ingest", List.of("note_head", "note_revision"), "erin");
        awaitZero("progress", List.of("learner", "note", "lesson_mention", "study_day", "note_question"), "erin");
        // Late events (outbox, topic) have had time to arrive: still nothing.
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(p.rows("progress", "note", "erin")).isZero();
            assertThat(p.rows("progress", "study_day", "erin")).isZero();
            Thread.onSpinWait();
        }
        HttpResponse<String> again = p.send("POST", p.tracker() + "/v1/learners", adminToken, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"id\":\"erin\"}"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("erased");
    }

    private HttpResponse<String> putNote(String learner, String token, String path) {
        return p.send("PUT", p.ingest() + "/v1/learners/" + learner + "/notes/" + path, token, "text/markdown",
                HttpRequest.BodyPublishers.ofString(NOTE.replace("2026-11-24", path.substring(path.indexOf('/') + 1, path.length() - 3))));
    }

    private void awaitZero(String database, List<String> tables, String learner) {
        for (String table : tables) {
            Instant deadline = Instant.now().plusSeconds(10);
            while (p.rows(database, table, learner) > 0 && Instant.now().isBefore(deadline)) {
                pause();
            }
            assertThat(p.rows(database, table, learner)).as(database + "." + table).isZero();
        }
    }

    private static void awaitStatus(Supplier<HttpResponse<String>> call, int status, Duration limit) {
        awaitStatus(call, status, limit, Instant.now());
    }

    /** Polls until the call answers the status; returns how long after {@code since} it first did. */
    private static Duration awaitStatus(Supplier<HttpResponse<String>> call, int status, Duration limit, Instant since) {
        Instant deadline = Instant.now().plus(limit);
        HttpResponse<String> last;
        do {
            last = call.get();
            if (last.statusCode() == status) {
                return Duration.between(since, Instant.now());
            }
            pause();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("expected " + status + " within " + limit + ", last " + last.statusCode() + " " + last.body());
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
