package io.coursetracker.tracker.progress;

import io.coursetracker.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * Issue 16, case 4, at tracker-api (on a real PostgreSQL and Kafka; progress-service is
 * {@link FakeProgressService}): a date no learner means, in any date parameter of a learner's or a
 * team's reads, is tracker-api's 400 naming the parameter and the window, before progress-service is
 * asked; and a 4xx progress-service answers stays that 4xx, whatever its body, never a 503.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracker"))
@QuarkusTestResource(value = FakeProgressService.class, restrictToAnnotatedClass = true)
class BoundedDatesTest {
    private static final String ADMIN = "Bearer test-admin-token";
    private static final List<String> BAD = List.of("-999999999-01-01", "+999999999-12-31", "0000-01-01", "+10000-01-01", "garbage");

    @AfterEach
    void answerNormally() {
        FakeProgressService.failWith(0);
    }

    @Test
    void everyDateParameterOfALearnersReadsIsA400NamingItAndReadsAfterStillWork() {
        String id = "dates-" + UUID.randomUUID().toString().substring(0, 8);
        String token = register(id);
        for (String value : BAD) {
            for (String[] read : List.of(new String[] {"/dashboard", "asOf"}, new String[] {"/streak", "asOf"},
                    new String[] {"/calendar", "asOf"}, new String[] {"/calendar", "to"}, new String[] {"/calendar", "from"})) {
                as("Bearer " + token).queryParam(read[1], value).get("/v1/learners/{id}" + read[0], id)
                        .then().statusCode(400)
                        .body("error", equalTo("invalid date"))
                        .body("detail", startsWith(read[1] + " must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31"))
                        .body("detail", containsString(value));
            }
        }
        as("Bearer " + token).get("/v1/learners/{id}/calendar?from=2026-03-10&to=2026-03-01", id)
                .then().statusCode(400).body("error", equalTo("invalid range")).body("detail", containsString("from (2026-03-10)"));
        as("Bearer " + token).get("/v1/learners/{id}/calendar?from=2025-01-01&asOf=2026-03-10", id)
                .then().statusCode(400).body("error", equalTo("range too long"));
        assertThat(FakeProgressService.askedFor(id)).as("no bad dashboard read reached progress-service").isEmpty();
        assertThat(FakeProgressService.otherReads()).as("no bad streak or calendar read reached progress-service")
                .noneMatch(read -> read.contains(id));

        // Ordinary reads right after, the window's ends included.
        as("Bearer " + token).get("/v1/learners/{id}/dashboard", id).then().statusCode(200).body("learnerId", equalTo(id));
        as("Bearer " + token).get("/v1/learners/{id}/dashboard?asOf=9999-12-31", id).then().statusCode(200)
                .body("query", equalTo("asOf=9999-12-31"));
        as("Bearer " + token).get("/v1/learners/{id}/streak?asOf= 2026-03-10 ", id).then().statusCode(200)
                .body("asOf", equalTo("2026-03-10"));
        as("Bearer " + token).get("/v1/learners/{id}/calendar?from=1900-01-01&to=1900-12-31", id).then().statusCode(200);
        assertThat(FakeProgressService.otherReads()).filteredOn(read -> read.contains(id)).containsExactly(
                "/v1/learners/" + id + "/streak?asOf=2026-03-10",
                "/v1/learners/" + id + "/calendar?from=1900-01-01&to=1900-12-31");
    }

    @Test
    void aTeamDashboardsAsOfIsA400NamingItAndTheDashboardAfterStillWorks() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner = "lead-" + suffix;
        String ownerToken = register(owner);
        String team = "dates-" + suffix;
        as(ADMIN).body("{\"id\":\"" + team + "\",\"name\":\"Dates\",\"course\":\"fastai-part1-2022\",\"owner\":\"" + owner + "\"}")
                .post("/v1/teams").then().statusCode(201);
        for (String value : BAD) {
            as("Bearer " + ownerToken).queryParam("asOf", value).get("/v1/teams/{id}/dashboard", team)
                    .then().statusCode(400)
                    .body("error", equalTo("invalid date"))
                    .body("detail", startsWith("asOf must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31"));
        }
        assertThat(FakeProgressService.otherReads()).noneMatch(read -> read.startsWith("/v1/summaries") && read.contains(team))
                .noneMatch(read -> read.contains("999999999"));

        as("Bearer " + ownerToken).get("/v1/teams/{id}/dashboard?asOf=2026-03-10", team).then().statusCode(200)
                .body("asOf", equalTo("2026-03-10")).body("activeByDay", hasSize(30));
        as("Bearer " + ownerToken).get("/v1/teams/{id}/dashboard?asOf=1900-01-01", team).then().statusCode(200)
                .body("activeByDay[0].date", equalTo("1899-12-03"));
    }

    @Test
    void aProgressService4xxStaysA4xxWhateverItsBody() {
        String id = "refused-" + UUID.randomUUID().toString().substring(0, 8);
        String token = register(id);

        FakeProgressService.failWith(429, "text/html", "<html><body>Too many requests</body></html>");
        for (String read : List.of("/dashboard", "/streak", "/calendar")) {
            as("Bearer " + token).get("/v1/learners/{id}" + read, id).then().statusCode(429)
                    .body("error", equalTo("request refused")).body("detail", equalTo("HTTP 429"));
        }
        FakeProgressService.failWith(400, "application/json", "{\"error\":\"invalid date\",\"detail\":\"to must be ...\"}");
        for (String read : List.of("/dashboard", "/streak", "/calendar")) {
            as("Bearer " + token).get("/v1/learners/{id}" + read, id).then().statusCode(400)
                    .body("error", equalTo("invalid date")).body("detail", equalTo("to must be ..."));
        }
        FakeProgressService.failWith(404, "application/json", "{\"unexpected\":true");
        as("Bearer " + token).get("/v1/learners/{id}/streak", id).then().statusCode(404).body("error", equalTo("request refused"));
        FakeProgressService.failWith(500, "text/plain", "boom");
        as("Bearer " + token).get("/v1/learners/{id}/streak", id).then().statusCode(503).body("error", equalTo("progress unavailable"));

        FakeProgressService.failWith(0);
        as("Bearer " + token).get("/v1/learners/{id}/dashboard", id).then().statusCode(200).body("learnerId", equalTo(id));
    }

    private static RequestSpecification as(String authorization) {
        return given().header("Authorization", authorization).contentType("application/json");
    }

    private static String register(String id) {
        return as(ADMIN).body("{\"id\":\"" + id + "\",\"timezone\":\"Europe/Berlin\"}").post("/v1/learners")
                .then().statusCode(201).extract().path("token");
    }
}
