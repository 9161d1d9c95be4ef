package io.coursetracker.tracker.web;

import io.coursetracker.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

/** {@code /teams} and {@code /teams/{id}}: the team page follows the team dashboard's rules. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracker"))
class TeamPageTest {
    private static final String ADMIN = "Bearer test-admin-token";

    @TestHTTPResource("/")
    URL root;

    @Test
    void theOwnerAndMembersOpenTheTeamPageAndOthersGetTheSame403PageWhetherOrNotItExists() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner = "lead-" + suffix;
        String ownerSession = signIn(learner(owner, "Lee Lead"));
        String member = "ann-" + suffix;
        String memberSession = signIn(learner(member, "Ann"));
        String outsiderSession = signIn(learner("out-" + suffix, "Out"));
        String team = "page-" + suffix;
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"id\":\"" + team + "\",\"name\":\"Tuesday group\",\"course\":\"fastai-part1-2022\",\"owner\":\"" + owner + "\"}")
                .post("/v1/teams").then().statusCode(201);
        given().header("Authorization", ADMIN).put("/v1/teams/" + team + "/members/" + member).then().statusCode(204);

        given().redirects().follow(false).get("/teams/" + team).then().statusCode(303).header("Location", endsWith("/sign-in"));
        given().cookie("ct_session", ownerSession).get("/teams/" + team).then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("Tuesday group")).body(containsString("led by Lee Lead (you)"))
                .body(containsString("data-team=\"" + team + "\"")).body(containsString("/js/team.js"));
        given().cookie("ct_session", memberSession).get("/teams/" + team).then().statusCode(200).body(containsString("Tuesday group"));
        given().cookie("ct_session", outsiderSession).get("/teams/" + team).then().statusCode(403)
                .body(containsString("You cannot open this team")).body(not(containsString("Tuesday group")));
        given().cookie("ct_session", outsiderSession).get("/teams/no-such-" + team).then().statusCode(403)
                .body(containsString("You cannot open this team"));

        given().cookie("ct_session", ownerSession).get("/teams").then().statusCode(200)
                .body(containsString("href=\"/teams/" + team + "\"")).body(containsString("you lead it"));
        given().cookie("ct_session", outsiderSession).get("/teams").then().statusCode(200)
                .body(containsString("You are in no team yet"));
        given().cookie("ct_session", memberSession).get("/dashboard").then().statusCode(200).body(containsString("href=\"/teams\""));
    }

    private String signIn(String token) {
        return given().redirects().follow(false).header("Origin", root.getProtocol() + "://" + root.getHost() + ":" + root.getPort())
                .contentType("application/x-www-form-urlencoded").formParam("token", token)
                .post("/sign-in").then().statusCode(303).extract().cookie("ct_session");
    }

    private static String learner(String id, String name) {
        return given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"id\":\"" + id + "\",\"displayName\":\"" + name + "\"}")
                .post("/v1/learners").then().statusCode(201).extract().path("token");
    }
}
