package io.coursetracker.tracker.learners;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerEvent;
import io.coursetracker.contracts.events.LearnerRegistered;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.localstack.LocalStackTestResource;
import io.coursetracker.localstack.TopicClient;
import io.coursetracker.support.security.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Boots tracker-api against a real Kafka broker and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracker"))
class LearnerResourceTest {
    private static final String ADMIN = "Bearer test-admin-token";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    LearnerRepository learners;

    @Test
    void anAdminCreatesALearnerWhoseTokenHashIsPublishedAndWhoseTokenIsShownOnce() throws Exception {
        String id = "ada-" + UUID.randomUUID().toString().substring(0, 8);
        String token = given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"id\":\"" + id + "\",\"displayName\":\"Ada\",\"timezone\":\"Europe/Berlin\",\"restDaysPerWeek\":1}")
                .post("/v1/learners")
                .then().statusCode(201)
                .header("Location", containsString("/v1/learners/" + id))
                .body("id", equalTo(id))
                .body("token", startsWith("ct_"))
                .extract().path("token");

        try (TopicClient kafka = new TopicClient(bootstrapServers)) {
            List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.LEARNERS,
                    read -> read.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(20));
            ConsumerRecord<String, String> record = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
            LearnerEvent event = json.readValue(record.value(), LearnerEvent.class);
            assertThat(event).isInstanceOfSatisfying(LearnerRegistered.class, registered -> {
                assertThat(registered.tokenSha256()).isEqualTo(Tokens.sha256(token));
                assertThat(registered.timezone()).isEqualTo("Europe/Berlin");
                assertThat(registered.courses()).containsExactly("fastai-part1-2022");
                assertThat(registered.restDaysPerWeek()).isEqualTo(1);
            });
            assertThat(record.value()).doesNotContain(token);
        }
        assertThat(learners.findById(id).tokenSha256).isEqualTo(Tokens.sha256(token));
    }

    @Test
    void onlyAnAdminCreatesLearnersAndBadRequestsCreateNothing() {
        long before = learners.count();
        String body = "{\"id\":\"grace\"}";
        given().contentType("application/json").body(body).post("/v1/learners").then().statusCode(401);
        given().header("Authorization", "Bearer unknown").contentType("application/json").body(body)
                .post("/v1/learners").then().statusCode(401);

        given().header("Authorization", ADMIN).contentType("application/json").body("{\"id\":\"../etc\"}")
                .post("/v1/learners").then().statusCode(400).body("error", equalTo("invalid learner id"));
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"id\":\"g\",\"timezone\":\"Mars/Olympus\"}")
                .post("/v1/learners").then().statusCode(400).body("detail", containsString("Mars/Olympus"));
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"id\":\"g\",\"courses\":[\"nope\"]}")
                .post("/v1/learners").then().statusCode(404).body("detail", containsString("nope"));
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"id\":\"g\",\"restDaysPerWeek\":4}")
                .post("/v1/learners").then().statusCode(400);
        assertThat(learners.count()).isEqualTo(before);
    }

    @Test
    void aLearnerIdIsTakenOnce() {
        String body = "{\"id\":\"linus-" + UUID.randomUUID().toString().substring(0, 8) + "\"}";
        given().header("Authorization", ADMIN).contentType("application/json").body(body).post("/v1/learners").then().statusCode(201);
        given().header("Authorization", ADMIN).contentType("application/json").body(body).post("/v1/learners").then().statusCode(409);
    }

    @Test
    void aLearnerMayNotCreateLearnersNorReadAnothersProgress() {
        String token = given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"id\":\"bob-" + UUID.randomUUID().toString().substring(0, 8) + "\"}")
                .post("/v1/learners").then().statusCode(201).extract().path("token");
        given().header("Authorization", "Bearer " + token).contentType("application/json").body("{\"id\":\"eve\"}")
                .post("/v1/learners").then().statusCode(403);
        given().header("Authorization", "Bearer " + token).get("/v1/learners/someone-else/progress").then().statusCode(403);
        given().header("Authorization", ADMIN).get("/v1/learners/nobody-here/progress").then().statusCode(404)
                .body("detail", containsString("nobody-here"));
    }
}
