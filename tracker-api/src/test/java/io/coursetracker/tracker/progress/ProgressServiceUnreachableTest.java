package io.coursetracker.tracker.progress;

import io.coursetracker.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** tracker-api's own tests run without progress-service: a learner's read then gets a clear 503. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracker"))
class ProgressServiceUnreachableTest {

    @Test
    void aReadWhileProgressServiceIsAwayIsA503WithRetryAfter() {
        String id = "ada-" + UUID.randomUUID().toString().substring(0, 8);
        String token = given().header("Authorization", "Bearer test-admin-token").contentType("application/json")
                .body("{\"id\":\"" + id + "\"}")
                .post("/v1/learners")
                .then().statusCode(201).extract().path("token");

        given().header("Authorization", "Bearer " + token)
                .get("/v1/learners/{id}/dashboard", id)
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("error", equalTo("progress unavailable"));
    }
}
