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
 * {@code GET /v1/teams/{id}/events}: the team dashboard's rules (members, owner, admin; 401 without
 * a token, 403 to anyone else whether or not the team exists, 404 only to an admin), and a member's
 * progress event reaches the team's stream while a non-member's does not.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracker"))
class TeamEventsStreamTest {
    private static final String ADMIN = "Bearer test-admin-token";

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final HttpClient http = HttpClient.newHttpClient();
    String owner;
    String ownerToken;
    String member;
    String memberToken;
    String outsider;
    String outsiderToken;
    String team;

    @BeforeEach
    void aTeamWithOneMember() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        owner = "lead-" + suffix;
        ownerToken = learner(owner);
        member = "ann-" + suffix;
        memberToken = learner(member);
        outsider = "out-" + suffix;
        outsiderToken = learner(outsider);
        team = "live-" + suffix;
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"id\":\"" + team + "\",\"course\":\"fastai-part1-2022\",\"owner\":\"" + owner + "\"}")
                .post("/v1/teams").then().statusCode(201);
        given().header("Authorization", ADMIN).put("/v1/teams/" + team + "/members/" + member).then().statusCode(204);
    }

    @Test
    void onlyMembersTheOwnerAndAnAdminOpenTheStream() throws Exception {
        assertThat(status(team, null)).isEqualTo(401);
        assertThat(status(team, "Bearer nope")).isEqualTo(401);
        assertThat(status(team, "Bearer " + outsiderToken)).isEqualTo(403);
        assertThat(status("no-such-" + team, "Bearer " + outsiderToken)).as("not told whether it exists").isEqualTo(403);
        assertThat(status("no-such-" + team, ADMIN)).isEqualTo(404);
        String sessionOfOutsider = given().redirects().follow(false).header("Origin", origin())
                .contentType("application/x-www-form-urlencoded").formParam("token", outsiderToken)
                .post("/sign-in").then().statusCode(303).extract().cookie("ct_session");
        assertThat(http.send(HttpRequest.newBuilder(uri(team)).header("Cookie", "ct_session=" + sessionOfOutsider).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void aMembersEventReachesTheOwnersStreamAndAnOutsidersDoesNot() throws Exception {
        awaitReady();
        String sessionOfOwner = given().redirects().follow(false).header("Origin", origin())
                .contentType("application/x-www-form-urlencoded").formParam("token", ownerToken)
                .post("/sign-in").then().statusCode(303).extract().cookie("ct_session");
        try (LiveEventsStreamTest.Stream owners = open(HttpRequest.newBuilder(uri(team)).header("Cookie", "ct_session=" + sessionOfOwner));
             LiveEventsStreamTest.Stream members = open(HttpRequest.newBuilder(uri(team)).header("Authorization", "Bearer " + memberToken));
             LiveEventsStreamTest.Stream admins = open(HttpRequest.newBuilder(uri(team)).header("Authorization", ADMIN))) {
            for (LiveEventsStreamTest.Stream stream : new LiveEventsStreamTest.Stream[]{owners, members, admins}) {
                assertThat(stream.await(line -> line.replace(" ", "").equals("event:ready"), Duration.ofSeconds(10))).as("%s", stream.lines).isTrue();
            }
            String outsiderEvent = noteApplied(outsider);
            String memberEvent = noteApplied(member);
            try (TopicClient kafka = new TopicClient(bootstrapServers)) {
                kafka.send(Topics.PROGRESS, outsider, outsiderEvent);
                kafka.send(Topics.PROGRESS, member, memberEvent);
            }
            String nudge = "{\"type\":\"NoteApplied\",\"learnerId\":\"" + member + "\"}"; // what the team page uses, no more
            assertThat(owners.await(line -> line.endsWith(nudge), Duration.ofSeconds(10))).as("%s", owners.lines).isTrue();
            assertThat(admins.await(line -> line.endsWith(nudge), Duration.ofSeconds(10))).as("%s", admins.lines).isTrue();
            assertThat(members.await(line -> line.endsWith(nudge), Duration.ofSeconds(10))).as("%s", members.lines).isTrue();
            assertThat(owners.lines).anyMatch(line -> line.replace(" ", "").equals("event:NoteApplied"));
            assertThat(owners.lines).noneMatch(line -> line.contains(outsider));
        }
    }

    private int status(String teamId, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(teamId)).header("Accept", "text/event-stream");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    private LiveEventsStreamTest.Stream open(HttpRequest.Builder request) throws Exception {
        HttpResponse<InputStream> response = http.send(request.header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new LiveEventsStreamTest.Stream(response.body());
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

    private URI uri(String teamId) {
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
