package io.coursetracker.tracker.live;

import io.coursetracker.contracts.events.Topics;
import io.coursetracker.localstack.LocalStackTestResource;
import io.coursetracker.localstack.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots tracker-api against a real Kafka broker and PostgreSQL: events published on
 * progress.events.v1 reach the server-sent event stream of their learner, and only theirs.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracker"))
class LiveEventsStreamTest {
    private static final String ADMIN = "Bearer test-admin-token";

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    LiveEvents live;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aProgressEventReachesItsLearnersStreamOnlyAndTheStreamIsCleanedUpOnDisconnect() throws Exception {
        String ada = createLearner();
        String bob = createLearner();
        String adaToken = token(ada);
        String sessionOfAda = given().redirects().follow(false).header("Origin", origin())
                .contentType("application/x-www-form-urlencoded").formParam("token", adaToken)
                .post("/sign-in").then().statusCode(303).extract().cookie("ct_session");
        awaitReady();

        Stream adaStream = open(ada, HttpRequest.newBuilder(uri(ada)).header("Cookie", "ct_session=" + sessionOfAda));
        Stream bobStream = open(bob, HttpRequest.newBuilder(uri(bob)).header("Authorization", "Bearer " + token(bob)));
        try {
            assertThat(adaStream.await(line -> field(line, "event").equals("ready"), Duration.ofSeconds(10))).as("%s", adaStream.lines).isTrue();
            assertThat(bobStream.await(line -> field(line, "event").equals("ready"), Duration.ofSeconds(10))).as("%s", bobStream.lines).isTrue();

            String bobEvent = noteApplied(bob);
            String adaEvent = noteApplied(ada);
            try (TopicClient kafka = new TopicClient(bootstrapServers)) {
                kafka.send(Topics.PROGRESS, bob, bobEvent);
                kafka.send(Topics.PROGRESS, ada, adaEvent);
            }
            assertThat(adaStream.await(line -> field(line, "data").equals(adaEvent), Duration.ofSeconds(10))).as("%s", adaStream.lines).isTrue();
            assertThat(bobStream.await(line -> field(line, "data").equals(bobEvent), Duration.ofSeconds(10))).as("%s", bobStream.lines).isTrue();
            assertThat(adaStream.lines).anyMatch(line -> field(line, "event").equals("NoteApplied"));
            assertThat(adaStream.lines).noneMatch(line -> line.contains(bob));
            assertThat(bobStream.lines).noneMatch(line -> line.contains(ada));
        } finally {
            adaStream.close();
            bobStream.close();
        }
        Instant deadline = Instant.now().plusSeconds(20);
        while (live.listenerCount(ada) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(live.listenerCount(ada)).as("the closed stream no longer listens").isZero();
    }

    @Test
    void theStreamFollowsTheSameRulesAsTheLearnersReads() throws Exception {
        String ada = createLearner();
        String bob = createLearner();
        assertThat(http.send(HttpRequest.newBuilder(uri(ada)).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(uri(ada)).header("Authorization", "Bearer " + token(bob)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    /** The value of an SSE line's field ("event: x" and "event:x" alike), or "" for another field. */
    private static String field(String line, String name) {
        if (!line.startsWith(name + ":")) {
            return "";
        }
        String value = line.substring(name.length() + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (given().get("/q/health/ready").statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static String noteApplied(String learner) {
        return "{\"type\":\"NoteApplied\",\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"2026-11-25T10:00:00Z\","
                + "\"schemaVersion\":1,\"learnerId\":\"" + learner + "\",\"notePath\":\"Daily/2026-11-25.md\",\"revision\":1,"
                + "\"deleted\":false,\"studyDate\":\"2026-11-25\"}";
    }

    private URI uri(String learner) {
        return URI.create(origin() + "/v1/learners/" + learner + "/events");
    }

    private String origin() {
        return root.getProtocol() + "://" + root.getHost() + ":" + root.getPort();
    }

    private final java.util.Map<String, String> tokens = new java.util.HashMap<>();

    private String token(String learner) {
        return tokens.get(learner);
    }

    private String createLearner() {
        String id = "live-" + UUID.randomUUID().toString().substring(0, 8);
        String token = given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"id\":\"" + id + "\"}").post("/v1/learners")
                .then().statusCode(201).extract().path("token");
        tokens.put(id, token);
        return id;
    }

    private Stream open(String learner, HttpRequest.Builder request) throws Exception {
        HttpResponse<InputStream> response = http.send(request.header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as("stream of " + learner).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        return new Stream(response.body());
    }

    /** The lines a stream has sent, read on their own thread. */
    static final class Stream implements AutoCloseable {
        final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final BlockingQueue<String> fresh = new LinkedBlockingQueue<>();
        private final InputStream body;
        private final Thread reader;
        /** When the server ended the stream (end of the body), or null while it is open. */
        private volatile Instant endedAt;

        Stream(InputStream body) {
            this.body = body;
            this.reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                        fresh.add(line);
                    }
                    endedAt = Instant.now();
                } catch (Exception e) {
                    // closed
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        boolean await(Predicate<String> wanted, Duration limit) throws InterruptedException {
            if (lines.stream().anyMatch(wanted)) {
                return true;
            }
            Instant deadline = Instant.now().plus(limit);
            while (Instant.now().isBefore(deadline)) {
                String line = fresh.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && wanted.test(line)) {
                    return true;
                }
            }
            return lines.stream().anyMatch(wanted);
        }

        /** Whether the server ends the stream before {@code deadline}, measured, not slept. */
        boolean endsBefore(Instant deadline) throws InterruptedException {
            while (endedAt == null && Instant.now().isBefore(deadline)) {
                reader.join(10);
            }
            return endedAt != null && !endedAt.isAfter(deadline);
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }
}
