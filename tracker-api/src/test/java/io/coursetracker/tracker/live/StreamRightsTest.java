package io.coursetracker.tracker.live;

import io.coursetracker.contracts.events.Topics;
import io.coursetracker.localstack.LocalStackTestResource;
import io.coursetracker.localstack.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots tracker-api against a real Kafka broker and PostgreSQL: an open event stream (a learner's
 * or a team's) ends within a second of its caller losing the right to read it (token rotated,
 * signed out, learner erased, left or removed from the team), and a team's stream carries only what
 * the team page shows of a member's event (its type and whose it is), never the note's path.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracker"))
class StreamRightsTest {
    private static final String ADMIN = "Bearer test-admin-token";
    private static final Duration WITHIN = Duration.ofSeconds(1);

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final HttpClient http = HttpClient.newHttpClient();
    String suffix;
    String owner;
    String ownerToken;
    String ann;
    String annToken;
    String bo;
    String boToken;
    String team;

    @BeforeEach
    void aTeamWithTwoMembers() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        owner = "lead-" + suffix;
        ownerToken = learner(owner);
        ann = "ann-" + suffix;
        annToken = learner(ann);
        bo = "bo-" + suffix;
        boToken = learner(bo);
        team = "rights-" + suffix;
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"id\":\"" + team + "\",\"course\":\"fastai-part1-2022\",\"owner\":\"" + owner + "\"}")
                .post("/v1/teams").then().statusCode(201);
        given().header("Authorization", ADMIN).put("/v1/teams/" + team + "/members/" + ann).then().statusCode(204);
        given().header("Authorization", ADMIN).put("/v1/teams/" + team + "/members/" + bo).then().statusCode(204);
    }

    @Test
    void aLearnersStreamEndsWithinASecondOfTheTokenBeingRotated() throws Exception {
        try (LiveEventsStreamTest.Stream stream = openReady(learnerEvents(ann), "Authorization", "Bearer " + annToken)) {
            given().header("Authorization", "Bearer " + annToken).post("/v1/learners/" + ann + "/token").then().statusCode(200);
            Instant revoked = Instant.now();
            assertThat(stream.endsBefore(revoked.plus(WITHIN))).as("the stream of the rotated token ended within 1 s").isTrue();
        }
    }

    @Test
    void aLearnersStreamEndsWithinASecondOfSigningOut() throws Exception {
        String session = signIn(annToken);
        try (LiveEventsStreamTest.Stream stream = openReady(learnerEvents(ann), "Cookie", "ct_session=" + session)) {
            given().redirects().follow(false).header("Origin", origin()).cookie("ct_session", session)
                    .post("/sign-out").then().statusCode(303);
            Instant revoked = Instant.now();
            assertThat(stream.endsBefore(revoked.plus(WITHIN))).as("the signed-out session's stream ended within 1 s").isTrue();
        }
    }

    @Test
    void aLearnersStreamEndsWithinASecondOfTheLearnerBeingErased() throws Exception {
        try (LiveEventsStreamTest.Stream own = openReady(learnerEvents(ann), "Authorization", "Bearer " + annToken);
             LiveEventsStreamTest.Stream admins = openReady(learnerEvents(ann), "Authorization", ADMIN)) {
            given().header("Authorization", "Bearer " + annToken).delete("/v1/learners/" + ann).then().statusCode(204);
            Instant revoked = Instant.now();
            assertThat(own.endsBefore(revoked.plus(WITHIN))).as("the erased learner's own stream ended within 1 s").isTrue();
            assertThat(admins.endsBefore(revoked.plus(WITHIN))).as("an admin's stream of the erased learner ended within 1 s").isTrue();
        }
    }

    @Test
    void aTeamStreamEndsWithinASecondOfTheMemberLeaving() throws Exception {
        try (LiveEventsStreamTest.Stream stream = openReady(teamEvents(team), "Authorization", "Bearer " + annToken)) {
            given().header("Authorization", "Bearer " + annToken).delete("/v1/teams/" + team + "/members/" + ann).then().statusCode(204);
            Instant revoked = Instant.now();
            assertThat(stream.endsBefore(revoked.plus(WITHIN))).as("the leaver's team stream ended within 1 s").isTrue();
        }
    }

    @Test
    void aTeamStreamEndsWithinASecondOfTheOwnerRemovingTheMember() throws Exception {
        String session = signIn(boToken);
        try (LiveEventsStreamTest.Stream stream = openReady(teamEvents(team), "Cookie", "ct_session=" + session)) {
            given().header("Authorization", "Bearer " + ownerToken).delete("/v1/teams/" + team + "/members/" + bo).then().statusCode(204);
            Instant revoked = Instant.now();
            assertThat(stream.endsBefore(revoked.plus(WITHIN))).as("the removed member's team stream ended within 1 s").isTrue();
        }
    }

    @Test
    void aTeamStreamEndsWithinASecondOfTheTokenBeingRotated() throws Exception {
        try (LiveEventsStreamTest.Stream stream = openReady(teamEvents(team), "Authorization", "Bearer " + ownerToken)) {
            given().header("Authorization", "Bearer " + ownerToken).post("/v1/learners/" + owner + "/token").then().statusCode(200);
            Instant revoked = Instant.now();
            assertThat(stream.endsBefore(revoked.plus(WITHIN))).as("the owner's stream of the rotated token ended within 1 s").isTrue();
        }
    }

    @Test
    void aTeamStreamCarriesOnlyTheTypeAndWhoseEventItIsAndStopsCarryingARemovedMember() throws Exception {
        awaitReady();
        try (LiveEventsStreamTest.Stream owners = openReady(teamEvents(team), "Authorization", "Bearer " + ownerToken)) {
            String annEvent = noteApplied(ann);
            try (TopicClient kafka = new TopicClient(bootstrapServers)) {
                kafka.send(Topics.PROGRESS, ann, annEvent);
            }
            String expected = "{\"type\":\"NoteApplied\",\"learnerId\":\"" + ann + "\"}";
            assertThat(owners.await(line -> line.equals("data:" + expected) || line.equals("data: " + expected), Duration.ofSeconds(10)))
                    .as("%s", owners.lines).isTrue();
            assertThat(owners.lines).noneMatch(line -> line.contains("notePath") || line.contains("Daily/"));

            // Ann is removed: a second later her events no longer reach the owner's stream, Bo's still do.
            given().header("Authorization", ADMIN).delete("/v1/teams/" + team + "/members/" + ann).then().statusCode(204);
            Instant rightLost = Instant.now().plus(WITHIN);
            long annsBefore = -1;
            try (TopicClient kafka = new TopicClient(bootstrapServers)) {
                boolean last = false;
                while (!last) {
                    last = Instant.now().isAfter(rightLost);
                    annsBefore = count(owners, ann);
                    long bos = count(owners, bo);
                    kafka.send(Topics.PROGRESS, ann, noteApplied(ann));
                    kafka.send(Topics.PROGRESS, bo, noteApplied(bo));
                    assertThat(owners.await(line -> count(owners, bo) > bos, Duration.ofSeconds(10))).as("%s", owners.lines).isTrue();
                }
            }
            assertThat(count(owners, ann)).as("Ann's event sent a second after her removal did not reach the owner: %s", owners.lines)
                    .isEqualTo(annsBefore);
        }
    }

    private static long count(LiveEventsStreamTest.Stream stream, String learner) {
        return stream.lines.stream().filter(line -> line.contains("\"learnerId\":\"" + learner + "\"")).count();
    }

    private LiveEventsStreamTest.Stream openReady(URI uri, String header, String value) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header(header, value).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as("opening " + uri).isEqualTo(200);
        LiveEventsStreamTest.Stream stream = new LiveEventsStreamTest.Stream(response.body());
        assertThat(stream.await(line -> line.replace(" ", "").equals("event:ready"), Duration.ofSeconds(10))).as("%s", stream.lines).isTrue();
        return stream;
    }

    private String signIn(String token) {
        return given().redirects().follow(false).header("Origin", origin())
                .contentType("application/x-www-form-urlencoded").formParam("token", token)
                .post("/sign-in").then().statusCode(303).extract().cookie("ct_session");
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

    private URI learnerEvents(String learner) {
        return URI.create(origin() + "/v1/learners/" + learner + "/events");
    }

    private URI teamEvents(String teamId) {
        return URI.create(origin() + "/v1/teams/" + teamId + "/events");
    }

    private String origin() {
        return root.getProtocol() + "://" + root.getHost() + ":" + root.getPort();
    }

    private static String learner(String id) {
        return given().header("Authorization", ADMIN).contentType("application/json").body("{\"id\":\"" + id + "\"}")
                .post("/v1/learners").then().statusCode(201).extract().path("token");
    }
}
