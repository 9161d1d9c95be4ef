package io.coursetracker.tracker.live;

import io.coursetracker.contracts.events.Topics;
import io.coursetracker.localstack.KafkaBroker;
import io.coursetracker.localstack.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots tracker-api against a real Kafka broker and PostgreSQL, stops the broker long enough for the
 * live feed's partition check to time out, and starts it again: tracker-api stays ready meanwhile
 * (its reads do not need Kafka), and once the broker is back the feed reads again, so a learner's
 * open stream gets the next progress event.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaRestartTestResource.class, restrictToAnnotatedClass = true)
class LiveFeedRecoveryTest {
    private static final String ADMIN = "Bearer test-admin-token";
    private static final String CHECK = "live progress events";

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @KafkaRestartTestResource.Broker
    KafkaBroker kafka;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theLiveFeedReadsAgainAfterAKafkaOutageAndTrackerApiStaysReadyMeanwhile() throws Exception {
        assertThat(awaitFeed(feed -> "UP".equals(feed.get("status")) && !Boolean.FALSE.equals(feed.get("reading")), Duration.ofSeconds(30)))
                .as("the feed reads before the outage").isTrue();
        String ada = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        String token = given().header("Authorization", ADMIN).contentType("application/json").body("{\"id\":\"" + ada + "\"}")
                .post("/v1/learners").then().statusCode(201).extract().path("token");
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(origin() + "/v1/learners/" + ada + "/events"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (LiveEventsStreamTest.Stream stream = new LiveEventsStreamTest.Stream(response.body())) {
            assertThat(stream.await(line -> line.replace(" ", "").equals("event:ready"), Duration.ofSeconds(10))).isTrue();

            kafka.close();
            try {
                // The partition check (every second here, every minute by default) times out after 5 s.
                assertThat(awaitFeed(feed -> !"UP".equals(feed.get("status")) || Boolean.FALSE.equals(feed.get("reading")), Duration.ofSeconds(90)))
                        .as("the feed noticed the outage").isTrue();
                assertThat(given().get("/q/health/ready").statusCode()).as("tracker-api stays ready while Kafka is away: %s",
                        given().get("/q/health/ready").asString()).isEqualTo(200);
            } finally {
                kafka.start();
            }

            assertThat(awaitFeed(feed -> "UP".equals(feed.get("status")) && Boolean.TRUE.equals(feed.get("reading")), Duration.ofSeconds(60)))
                    .as("the feed reads again once Kafka is back: %s", given().get("/q/health/ready").asString()).isTrue();
            given().get("/q/health/ready").then().statusCode(200);
            String event = "{\"type\":\"NoteApplied\",\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"2026-11-25T10:00:00Z\","
                    + "\"schemaVersion\":1,\"learnerId\":\"" + ada + "\",\"notePath\":\"Daily/2026-11-25.md\",\"revision\":1,"
                    + "\"deleted\":false,\"studyDate\":\"2026-11-25\"}";
            try (TopicClient client = new TopicClient(bootstrapServers)) {
                client.send(Topics.PROGRESS, ada, event);
            }
            assertThat(stream.await(line -> line.endsWith(event), Duration.ofSeconds(10)))
                    .as("the stream opened before the outage gets the event published after it: %s", stream.lines).isTrue();
        }
    }

    /** Polls the live feed's readiness check (its status and data) until {@code wanted} holds or {@code limit} passes. */
    private boolean awaitFeed(Predicate<Map<String, Object>> wanted, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        do {
            if (wanted.test(feed())) {
                return true;
            }
            Thread.sleep(100); // the poll interval of a deadline-bound wait
        } while (Instant.now().isBefore(deadline));
        return wanted.test(feed());
    }

    private static Map<String, Object> feed() {
        JsonPath health = given().get("/q/health/ready").jsonPath();
        Map<String, Object> check = health.getMap("checks.find { it.name == '" + CHECK + "' }");
        if (check == null) {
            return Map.of();
        }
        Map<String, Object> feed = new java.util.HashMap<>(check);
        Object data = check.get("data");
        if (data instanceof Map<?, ?> values) {
            values.forEach((key, value) -> feed.put(String.valueOf(key), value));
        }
        return feed;
    }

    private String origin() {
        return root.getProtocol() + "://" + root.getHost() + ":" + root.getPort();
    }
}
