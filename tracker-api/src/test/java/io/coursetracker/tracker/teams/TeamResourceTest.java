package io.coursetracker.tracker.teams;

import io.coursetracker.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Boots tracker-api against a real Kafka broker and PostgreSQL (no progress-service: the dashboard's
 * numbers are checked by {@code TeamDashboardFlowIT}); who may create, read, invite, join, leave and
 * remove, with SPEC section 5's 401/403/404.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracker"))
class TeamResourceTest {
    private static final String ADMIN = "Bearer test-admin-token";

    @ConfigProperty(name = "tracker.teams.members.max", defaultValue = "200")
    int maxMembers;

    String suffix;
    String owner;
    String ownerToken;
    String ann;
    String annToken;
    String bo;
    String boToken;
    String outsider;
    String outsiderToken;
    String team;

    @BeforeEach
    void aTeamWithAnOwnerAndThreeLearners() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        owner = "lead-" + suffix;
        ownerToken = learner(owner);
        ann = "ann-" + suffix;
        annToken = learner(ann);
        bo = "bo-" + suffix;
        boToken = learner(bo);
        outsider = "out-" + suffix;
        outsiderToken = learner(outsider);
        team = "study-" + suffix;
        as(ADMIN).body("{\"id\":\"" + team + "\",\"name\":\"Study group\",\"course\":\"fastai-part1-2022\",\"owner\":\"" + owner + "\"}")
                .post("/v1/teams")
                .then().statusCode(201)
                .header("Location", containsString("/v1/teams/" + team))
                .body("id", equalTo(team)).body("owner", equalTo(owner)).body("course", equalTo("fastai-part1-2022"))
                .body("members", empty());
    }

    @Test
    void onlyAnAdminCreatesTeamsAndBadRequestsNameWhatIsWrong() {
        String body = "{\"id\":\"t-" + suffix + "\",\"course\":\"fastai-part1-2022\",\"owner\":\"" + owner + "\"}";
        given().contentType("application/json").body(body).post("/v1/teams").then().statusCode(401);
        as("Bearer nope").body(body).post("/v1/teams").then().statusCode(401);
        as(bearer(ownerToken)).body(body).post("/v1/teams").then().statusCode(403);

        as(ADMIN).body("{\"id\":\"../x\",\"course\":\"fastai-part1-2022\",\"owner\":\"" + owner + "\"}").post("/v1/teams")
                .then().statusCode(400).body("error", equalTo("invalid team id"));
        as(ADMIN).body("{\"id\":\"t2-" + suffix + "\",\"course\":\"no-such-course\",\"owner\":\"" + owner + "\"}").post("/v1/teams")
                .then().statusCode(404).body("error", equalTo("unknown course")).body("detail", containsString("no-such-course"));
        as(ADMIN).body("{\"id\":\"t3-" + suffix + "\",\"course\":\"fastai-part1-2022\",\"owner\":\"ghost-" + suffix + "\"}").post("/v1/teams")
                .then().statusCode(404).body("error", equalTo("unknown learner")).body("detail", containsString("ghost-" + suffix));
        as(ADMIN).body("{\"id\":\"" + team + "\",\"course\":\"fastai-part1-2022\",\"owner\":\"" + owner + "\"}").post("/v1/teams")
                .then().statusCode(409);
        as(ADMIN).body("{\"id\":\"t4-" + suffix + "\",\"owner\":\"" + owner + "\"}").post("/v1/teams")
                .then().statusCode(400).body("error", equalTo("missing course"));
        as(ADMIN).body("{").post("/v1/teams").then().statusCode(400);
        as(ADMIN).get("/v1/teams/t-" + suffix).then().statusCode(404);
    }

    @Test
    void anAdminAddsAMemberAtOnceAndTheMemberSeesTheTeam() {
        as(ADMIN).put(members(team, ann)).then().statusCode(204);
        as(ADMIN).put(members(team, ann)).then().statusCode(204); // again: nothing changes

        as(bearer(annToken)).get("/v1/teams/" + team).then().statusCode(200)
                .body("role", equalTo("member")).body("members", equalTo(List.of(ann))).body("invited", empty());
        assertThat(as(bearer(annToken)).get("/v1/teams").then().statusCode(200).extract().<String>jsonPath().getList("id"))
                .containsExactly(team);
        as(bearer(ownerToken)).get("/v1/teams/" + team).then().statusCode(200)
                .body("role", equalTo("owner")).body("members", equalTo(List.of(ann)));
        assertThat(as(ADMIN).get("/v1/teams").then().statusCode(200).extract().<String>jsonPath().getList("id")).contains(team);
    }

    @Test
    void theOwnerInvitesAndSeesNothingOfTheLearnerUntilTheyAccept() {
        as(bearer(ownerToken)).put(members(team, bo)).then().statusCode(202).body("status", equalTo("invited"));

        as(bearer(ownerToken)).get("/v1/teams/" + team).then().statusCode(200)
                .body("members", empty()).body("invited", equalTo(List.of(bo)));
        // the invited learner sees the team's name and owner, but neither members nor its dashboard
        as(bearer(boToken)).get("/v1/teams/" + team).then().statusCode(200)
                .body("role", equalTo("invited")).body("members", empty()).body("invited", empty());
        as(bearer(boToken)).get("/v1/teams/" + team + "/dashboard").then().statusCode(403);
        // nobody else accepts for them
        as(bearer(annToken)).post("/v1/teams/" + team + "/invitations/accept").then().statusCode(403);
        as(ADMIN).post("/v1/teams/" + team + "/invitations/accept").then().statusCode(403);

        as(bearer(boToken)).post("/v1/teams/" + team + "/invitations/accept").then().statusCode(204);
        as(bearer(ownerToken)).get("/v1/teams/" + team).then().statusCode(200)
                .body("members", equalTo(List.of(bo))).body("invited", empty());
        as(bearer(boToken)).post("/v1/teams/" + team + "/invitations/accept").then().statusCode(204); // again: still a member
    }

    @Test
    void aLearnerWithoutRightsGets403WhetherOrNotTheTeamExistsAndOnlyAnAdminGets404() {
        String ghost = "ghost-team-" + suffix;
        for (String path : List.of("/v1/teams/" + team, "/v1/teams/" + ghost, "/v1/teams/" + team + "/dashboard",
                "/v1/teams/" + ghost + "/dashboard")) {
            as(bearer(outsiderToken)).get(path).then().statusCode(403).body("error", equalTo("forbidden"));
            given().get(path).then().statusCode(401);
            as("Bearer unknown").get(path).then().statusCode(401);
        }
        as(bearer(outsiderToken)).put(members(team, outsider)).then().statusCode(403);
        as(bearer(outsiderToken)).put(members(ghost, outsider)).then().statusCode(403);
        as(bearer(outsiderToken)).post("/v1/teams/" + team + "/invitations/accept").then().statusCode(403);
        as(bearer(outsiderToken)).post("/v1/teams/" + ghost + "/invitations/accept").then().statusCode(403);
        as(bearer(outsiderToken)).delete(members(team, outsider)).then().statusCode(403);
        as(bearer(outsiderToken)).delete(members(ghost, outsider)).then().statusCode(403);
        as(bearer(ownerToken)).put(members(ghost, ann)).then().statusCode(403);
        // the owner is not told whether a learner exists (theOwnersInvitationIsAnsweredAlikeWhetherOrNotTheLearnerExists); the admin is
        as(ADMIN).put(members(team, "nobody-" + suffix)).then().statusCode(404).body("error", equalTo("unknown learner"));
        as(ADMIN).put(members(ghost, ann)).then().statusCode(404).body("error", equalTo("unknown team"));
        as(ADMIN).get("/v1/teams/" + ghost + "/dashboard").then().statusCode(404).body("detail", containsString(ghost));
        as(ADMIN).delete(members(ghost, ann)).then().statusCode(404);
        // a member adds nobody
        as(ADMIN).put(members(team, ann)).then().statusCode(204);
        as(bearer(annToken)).put(members(team, bo)).then().statusCode(403);
        assertThat(as(bearer(outsiderToken)).get("/v1/teams").then().statusCode(200).extract().<String>jsonPath().getList("id"))
                .doesNotContain(team);
    }

    @Test
    void theOwnersInvitationIsAnsweredAlikeWhetherOrNotTheLearnerExists() {
        String nobody = "nobody-" + suffix;
        for (int round = 0; round < 2; round++) { // inviting again answers the same
            ExtractableResponse<Response> known = as(bearer(ownerToken)).put(members(team, bo)).then().extract();
            ExtractableResponse<Response> unknown = as(bearer(ownerToken)).put(members(team, nobody)).then().extract();
            assertThat(known.statusCode()).isEqualTo(202);
            assertThat(unknown.statusCode()).as(unknown.asString()).isEqualTo(202);
            assertThat(known.jsonPath().getMap("")).isEqualTo(Map.of("team", team, "learner", bo, "status", "invited"));
            assertThat(unknown.jsonPath().getMap("")).isEqualTo(Map.of("team", team, "learner", nobody, "status", "invited"));
        }
        // what the owner then sees of the team does not tell them apart either
        as(bearer(ownerToken)).get("/v1/teams/" + team).then().statusCode(200)
                .body("members", empty()).body("invited", equalTo(List.of(bo, nobody)));
        // the invitation takes effect only for a learner who exists and accepts it
        String nobodyToken = learner(nobody);
        as(bearer(nobodyToken)).get("/v1/teams/" + team).then().statusCode(200).body("role", equalTo("invited"));
        as(bearer(nobodyToken)).post("/v1/teams/" + team + "/invitations/accept").then().statusCode(204);
        as(bearer(ownerToken)).get("/v1/teams/" + team).then().statusCode(200)
                .body("members", equalTo(List.of(nobody))).body("invited", equalTo(List.of(bo)));
        // erasing a learner takes their invitations and memberships with them
        as(bearer(nobodyToken)).delete("/v1/learners/" + nobody).then().statusCode(204);
        as(bearer(boToken)).delete("/v1/learners/" + bo).then().statusCode(204);
        as(ADMIN).get("/v1/teams/" + team).then().statusCode(200).body("members", empty()).body("invited", empty());
    }

    @Test
    void aTeamHoldsAtMostTheConfiguredNumberOfMembersAndInvitationsAndSaysSo() {
        for (int i = 1; i < maxMembers; i++) {
            String id = "m" + i + "-" + suffix;
            learner(id);
            as(ADMIN).put(members(team, id)).then().statusCode(204);
        }
        as(bearer(ownerToken)).put(members(team, ann)).then().statusCode(202); // the last place
        as(bearer(ownerToken)).put(members(team, bo)).then().statusCode(409)
                .body("error", equalTo("team full")).body("detail", containsString("at most " + maxMembers));
        as(ADMIN).put(members(team, outsider)).then().statusCode(409)
                .body("error", equalTo("team full")).body("detail", containsString("at most " + maxMembers));
        as(bearer(ownerToken)).put(members(team, "nobody-" + suffix)).then().statusCode(409); // alike for unknown learners
        as(ADMIN).put(members(team, "m1-" + suffix)).then().statusCode(204); // a member already: nothing changes, no error
        as(bearer(ownerToken)).put(members(team, ann)).then().statusCode(202); // invited already: the same
        assertThat(as(ADMIN).get("/v1/teams/" + team).then().statusCode(200).extract().<String>jsonPath().getList("members"))
                .hasSize(maxMembers - 1);

        as(bearer(ownerToken)).delete(members(team, "m1-" + suffix)).then().statusCode(204); // a place frees up
        as(bearer(ownerToken)).put(members(team, bo)).then().statusCode(202);
    }

    @Test
    void aMemberLeavesTheOwnerRemovesAndAnInvitedLearnerDeclines() {
        as(ADMIN).put(members(team, ann)).then().statusCode(204);
        as(ADMIN).put(members(team, bo)).then().statusCode(204);
        as(bearer(ownerToken)).put(members(team, outsider)).then().statusCode(202);

        as(bearer(annToken)).delete(members(team, bo)).then().statusCode(403); // a member removes nobody else
        as(bearer(annToken)).delete(members(team, ann)).then().statusCode(204); // leaves
        as(bearer(annToken)).get("/v1/teams/" + team).then().statusCode(403);
        as(bearer(annToken)).delete(members(team, ann)).then().statusCode(403); // no longer told anything

        as(bearer(ownerToken)).delete(members(team, bo)).then().statusCode(204);
        as(bearer(ownerToken)).delete(members(team, bo)).then().statusCode(404).body("error", equalTo("not a member"));
        as(bearer(outsiderToken)).delete(members(team, outsider)).then().statusCode(204); // declines the invitation
        as(bearer(outsiderToken)).post("/v1/teams/" + team + "/invitations/accept").then().statusCode(403);

        as(ADMIN).get("/v1/teams/" + team).then().statusCode(200).body("members", empty()).body("invited", empty());
        as(bearer(ownerToken)).get("/v1/teams").then().statusCode(200).body("id", hasItem(team));
        as(bearer(boToken)).get("/v1/teams").then().statusCode(200).body("id", not(hasItem(team)));
    }

    @Test
    void theOwnerIsNotAMemberUnlessAdded() {
        as(bearer(ownerToken)).get("/v1/teams/" + team).then().statusCode(200).body("role", equalTo("owner")).body("members", empty());
        as(ADMIN).put(members(team, owner)).then().statusCode(204);
        as(bearer(ownerToken)).get("/v1/teams/" + team).then().statusCode(200)
                .body("role", equalTo("owner")).body("members", equalTo(List.of(owner)));
        as(bearer(ownerToken)).delete(members(team, owner)).then().statusCode(204);
        as(bearer(ownerToken)).get("/v1/teams/" + team).then().statusCode(200).body("members", empty());
    }

    @Test
    void aBadAsOfIsA400ForSomeoneWhoMayRead() {
        as(bearer(ownerToken)).get("/v1/teams/" + team + "/dashboard?asOf=2026-02-30").then().statusCode(400)
                .body("error", equalTo("invalid date"));
    }

    private static String members(String teamId, String learnerId) {
        return "/v1/teams/" + teamId + "/members/" + learnerId;
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static RequestSpecification as(String authorization) {
        return given().header("Authorization", authorization).contentType("application/json");
    }

    private static String learner(String id) {
        return as(ADMIN).body("{\"id\":\"" + id + "\",\"timezone\":\"Europe/Berlin\"}").post("/v1/learners")
                .then().statusCode(201).extract().path("token");
    }
}
