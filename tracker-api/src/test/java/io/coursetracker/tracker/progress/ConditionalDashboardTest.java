package io.coursetracker.tracker.progress;

import io.coursetracker.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The learner dashboard is a conditional pass-through: tracker-api (on a real PostgreSQL and Kafka)
 * asks progress-service with the ETag of the body it kept, serves that body on 304, and the new body
 * on 200 once a note has moved the ETag. progress-service is {@link FakeProgressService} here.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracker"))
@QuarkusTestResource(value = FakeProgressService.class, restrictToAnnotatedClass = true)
class ConditionalDashboardTest {

    @AfterEach
    void answerNormally() {
        FakeProgressService.failWith(0);
    }

    @Test
    void aRepeatedReadIsConfirmedWith304AndANoteShowsAtOnce() {
        String id = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        String token = register(id);

        read(id, token).body("notes", equalTo(0));
        read(id, token).body("notes", equalTo(0)).body("learnerId", equalTo(id));
        assertThat(FakeProgressService.askedFor(id)).extracting(FakeProgressService.Asked::status).containsExactly(200, 304);
        assertThat(FakeProgressService.askedFor(id).get(1).ifNoneMatch()).isEqualTo(FakeProgressService.etag(id, null));
        assertThat(FakeProgressService.askedFor(id).get(0).ifNoneMatch()).as("nothing kept yet: asked unconditionally").isNull();

        // A note is applied: the ETag moves, the kept body is not served again.
        FakeProgressService.applyNote(id);
        read(id, token).body("notes", equalTo(1));
        read(id, token).body("notes", equalTo(1));
        assertThat(FakeProgressService.askedFor(id)).extracting(FakeProgressService.Asked::status).containsExactly(200, 304, 200, 304);
        assertThat(FakeProgressService.askedFor(id).get(2).ifNoneMatch()).as("asked with the old tag").isEqualTo("\"0-today\"");
        assertThat(FakeProgressService.askedFor(id).get(3).ifNoneMatch()).as("asked with the new tag").isEqualTo("\"1-today\"");
    }

    @Test
    void eachAsOfIsKeptApartAndEachLearnerOnlyGetsTheirOwn() {
        String ann = "ann-" + UUID.randomUUID().toString().substring(0, 8);
        String annToken = register(ann);
        String bo = "bo-" + UUID.randomUUID().toString().substring(0, 8);
        String boToken = register(bo);

        read(ann, annToken).body("query", equalTo(""));
        given().header("Authorization", "Bearer " + annToken).get("/v1/learners/{id}/dashboard?asOf=2026-03-04", ann)
                .then().statusCode(200).body("query", equalTo("asOf=2026-03-04"));
        read(ann, annToken).body("query", equalTo(""));
        read(bo, boToken).body("learnerId", equalTo(bo));
        // Authorization is still checked on every read: bo may not read ann's, kept or not.
        given().header("Authorization", "Bearer " + boToken).get("/v1/learners/{id}/dashboard", ann).then().statusCode(403);

        assertThat(FakeProgressService.askedFor(ann)).extracting(FakeProgressService.Asked::status).containsExactly(200, 200, 304);
        assertThat(FakeProgressService.askedFor(bo)).extracting(FakeProgressService.Asked::status).containsExactly(200);
    }

    @Test
    void progressServiceFailingIsStillA503AndTheKeptBodyIsNotServed() {
        String id = "fail-" + UUID.randomUUID().toString().substring(0, 8);
        String token = register(id);
        read(id, token).body("notes", equalTo(0));

        FakeProgressService.failWith(500);
        given().header("Authorization", "Bearer " + token).get("/v1/learners/{id}/dashboard", id)
                .then().statusCode(503).body("error", equalTo("progress unavailable"));
        FakeProgressService.failWith(404);
        given().header("Authorization", "Bearer " + token).get("/v1/learners/{id}/dashboard", id).then().statusCode(404)
                .body("error", equalTo("failed with 404"));

        FakeProgressService.failWith(0);
        read(id, token).body("notes", equalTo(0));
        assertThat(FakeProgressService.askedFor(id)).extracting(FakeProgressService.Asked::status).containsExactly(200, 500, 404, 304);
    }

    private static io.restassured.response.ValidatableResponse read(String id, String token) {
        return given().header("Authorization", "Bearer " + token).get("/v1/learners/{id}/dashboard", id)
                .then().statusCode(200).contentType("application/json");
    }

    private static String register(String id) {
        return given().header("Authorization", "Bearer test-admin-token").contentType("application/json")
                .body("{\"id\":\"" + id + "\"}")
                .post("/v1/learners")
                .then().statusCode(201).extract().path("token");
    }
}
