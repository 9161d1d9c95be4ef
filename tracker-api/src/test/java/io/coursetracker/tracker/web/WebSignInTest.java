package io.coursetracker.tracker.web;

import io.coursetracker.localstack.LocalStackTestResource;
import io.coursetracker.support.security.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Boots tracker-api against a real Kafka broker and PostgreSQL: the web page's sign-in, session cookie and its rules. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracker"))
class WebSignInTest {
    private static final String ADMIN = "Bearer test-admin-token";

    @TestHTTPResource("/")
    URL root;

    @Inject
    WebSessionRepository sessions;

    @Test
    void aLearnerSignsInWithAFormPostAndGetsAnHttpOnlySameSiteStrictCookieThatIsStoredOnlyAsAHash() {
        Learner learner = createLearner();
        Response signIn = signIn(learner.token());

        assertThat(signIn.statusCode()).isEqualTo(303);
        String location = signIn.header("Location");
        assertThat(location).endsWith("/dashboard").doesNotContain(learner.token()).doesNotContain("token");
        String setCookie = signIn.header("Set-Cookie");
        assertThat(setCookie).startsWith("ct_session=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .contains("Path=/").doesNotContainIgnoringCase("Secure").doesNotContain(learner.token());
        String sessionId = signIn.cookie("ct_session");
        assertThat(sessionId).hasSizeGreaterThanOrEqualTo(40);

        WebSession stored = sessions.findById(Tokens.sha256(sessionId));
        assertThat(stored.learnerId).isEqualTo(learner.id());
        assertThat(stored.admin).isFalse();
        assertThat(stored.expiresAt).isAfter(Instant.now().plusSeconds(11 * 3600));
        assertThat(sessions.count("sessionSha256", sessionId)).as("the raw id is never stored").isZero();

        given().cookie("ct_session", sessionId).redirects().follow(false).get("/dashboard")
                .then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("data-learner=\"" + learner.id() + "\""))
                .body(containsString("Sign out"))
                .body(not(containsString(learner.token())));
        given().cookie("ct_session", sessionId).redirects().follow(false).get("/")
                .then().statusCode(303).header("Location", containsString("/dashboard"));
    }

    @Test
    void aBadTokenGetsTheSignInPageWith401AndNoSession() {
        long before = sessions.count();
        Response refused = given().redirects().follow(false).header("Origin", origin())
                .contentType("application/x-www-form-urlencoded").formParam("token", "ct_not-a-real-token")
                .post("/sign-in");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.header("Set-Cookie")).isNull();
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.body().asString()).contains("not recognised").doesNotContain("ct_not-a-real-token");
        assertThat(sessions.count()).isEqualTo(before);

        given().cookie("ct_session", "ct_made-up").redirects().follow(false).get("/dashboard")
                .then().statusCode(303).header("Location", containsString("/sign-in"));
        given().cookie("ct_session", "ct_made-up").get("/v1/courses")
                .then().statusCode(401).body("error", equalTo("unauthorized"));
    }

    @Test
    void signInFromAnotherSiteIsRefused() {
        Learner learner = createLearner();
        long before = sessions.count();
        given().redirects().follow(false).header("Origin", "https://evil.example")
                .contentType("application/x-www-form-urlencoded").formParam("token", learner.token())
                .post("/sign-in").then().statusCode(403);
        given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("token", learner.token())
                .post("/sign-in").then().statusCode(403);
        assertThat(sessions.count()).isEqualTo(before);
    }

    @Test
    void theCookieSignsInTheJsonApiAndChangesNeedTheCsrfHeader() {
        Learner learner = createLearner();
        Learner other = createLearner();
        String sessionId = signIn(learner.token()).cookie("ct_session");

        given().cookie("ct_session", sessionId).get("/v1/courses").then().statusCode(200);
        given().cookie("ct_session", sessionId).get("/v1/learners/" + other.id() + "/progress")
                .then().statusCode(403);

        String patch = "{\"displayName\":\"Renamed\"}";
        given().cookie("ct_session", sessionId).contentType("application/json").body(patch)
                .patch("/v1/learners/" + learner.id()).then().statusCode(403).body("error", equalTo("cross-site request refused"));
        given().cookie("ct_session", sessionId).header("X-Requested-With", "fetch").header("Origin", "https://evil.example")
                .contentType("application/json").body(patch)
                .patch("/v1/learners/" + learner.id()).then().statusCode(403);
        given().cookie("ct_session", sessionId).header("X-Requested-With", "fetch").header("Origin", origin())
                .contentType("application/json").body(patch)
                .patch("/v1/learners/" + learner.id()).then().statusCode(200).body("displayName", equalTo("Renamed"));

        // A bearer header decides alone: a wrong one is 401 even with a good cookie.
        given().cookie("ct_session", sessionId).header("Authorization", "Bearer ct_wrong").get("/v1/courses")
                .then().statusCode(401);
    }

    @Test
    void signingOutDeletesTheSessionAndClearsTheCookie() {
        Learner learner = createLearner();
        String sessionId = signIn(learner.token()).cookie("ct_session");

        Response out = given().cookie("ct_session", sessionId).header("Origin", origin()).redirects().follow(false)
                .post("/sign-out");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/sign-in");
        assertThat(out.header("Set-Cookie")).startsWith("ct_session=;").contains("Max-Age=0");
        assertThat(sessions.findById(Tokens.sha256(sessionId))).isNull();
        given().cookie("ct_session", sessionId).get("/v1/courses").then().statusCode(401);
    }

    @Test
    void anExpiredSessionSignsNobodyIn() {
        Learner learner = createLearner();
        String sessionId = signIn(learner.token()).cookie("ct_session");
        expire(Tokens.sha256(sessionId));
        given().cookie("ct_session", sessionId).get("/v1/courses").then().statusCode(401);
        assertThat(sessions.findById(Tokens.sha256(sessionId))).as("deleted when met").isNull();
    }

    @Test
    void theAdminSignsInAndPicksALearner() {
        Learner learner = createLearner();
        String sessionId = signIn("test-admin-token").cookie("ct_session");
        given().cookie("ct_session", sessionId).get("/dashboard")
                .then().statusCode(200).body(containsString("Choose a learner")).body(containsString(learner.id()));
        given().cookie("ct_session", sessionId).queryParam("learner", learner.id()).get("/dashboard")
                .then().statusCode(200).body(containsString("data-learner=\"" + learner.id() + "\""));
    }

    @Test
    void theSignInPageIsAFormThatPostsTheToken() {
        given().get("/sign-in").then().statusCode(200)
                .body(containsString("<form method=\"post\" action=\"/sign-in\""))
                .body(containsString("<label for=\"token\">"));
        given().get("/css/app.css").then().statusCode(200);
        given().get("/js/dashboard.js").then().statusCode(200);
    }

    void expire(String sessionHash) {
        QuarkusTransaction.requiringNew().run(() -> sessions.findById(sessionHash).expiresAt = Instant.now().minusSeconds(1));
    }

    private Response signIn(String token) {
        return given().redirects().follow(false).header("Origin", origin())
                .contentType("application/x-www-form-urlencoded").formParam("token", token)
                .post("/sign-in");
    }

    private String origin() {
        return root.getProtocol() + "://" + root.getHost() + ":" + root.getPort();
    }

    record Learner(String id, String token) {
    }

    static Learner createLearner() {
        String id = "web-" + UUID.randomUUID().toString().substring(0, 8);
        String token = given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"id\":\"" + id + "\"}").post("/v1/learners")
                .then().statusCode(201).extract().path("token");
        return new Learner(id, token);
    }
}
