package io.coursetracker.tracker.learners;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerEvent;
import io.coursetracker.contracts.events.LearnerTokenRotated;
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

/** Token rotation, erasure and refused bodies in tracker-api, against a real Kafka broker and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracker"))
class LearnerLifecycleTest {
    private static final String ADMIN = "Bearer test-admin-token";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    LearnerRepository learners;

    @Test
    void aRotatedTokenIsPublishedWithTheWholeStateAndTheOldOneIsRefusedAtOnce() throws Exception {
        String id = newId("rot");
        String oldToken = create(id);
        String newToken = given().header("Authorization", "Bearer " + oldToken).post("/v1/learners/" + id + "/token")
                .then().statusCode(200).body("id", equalTo(id)).body("token", startsWith("ct_"))
                .extract().path("token");
        assertThat(newToken).isNotEqualTo(oldToken);
        given().header("Authorization", "Bearer " + oldToken).get("/v1/courses").then().statusCode(401);
        given().header("Authorization", "Bearer " + newToken).get("/v1/courses").then().statusCode(200);
        assertThat(learners.findById(id).tokenSha256).isEqualTo(Tokens.sha256(newToken));

        try (TopicClient kafka = new TopicClient(bootstrapServers)) {
            List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.LEARNERS,
                    read -> read.stream().filter(r -> id.equals(r.key())).count() == 2, Duration.ofSeconds(20));
            ConsumerRecord<String, String> last = records.stream().filter(r -> id.equals(r.key())).reduce((a, b) -> b).orElseThrow();
            LearnerEvent event = json.readValue(last.value(), LearnerEvent.class);
            assertThat(event).isInstanceOfSatisfying(LearnerTokenRotated.class, rotated -> {
                assertThat(rotated.tokenSha256()).isEqualTo(Tokens.sha256(newToken));
                assertThat(rotated.timezone()).isEqualTo("Europe/Berlin");
                assertThat(rotated.courses()).containsExactly("fastai-part1-2022");
            });
            assertThat(last.value()).doesNotContain(newToken);
        }
        // The admin rotates too; another learner may not.
        String other = create(newId("oth"));
        given().header("Authorization", "Bearer " + other).post("/v1/learners/" + id + "/token").then().statusCode(403);
        given().header("Authorization", ADMIN).post("/v1/learners/" + id + "/token").then().statusCode(200);
        given().header("Authorization", "Bearer " + newToken).get("/v1/courses").then().statusCode(401);
        given().header("Authorization", ADMIN).post("/v1/learners/nobody-" + id + "/token").then().statusCode(404)
                .body("detail", containsString("nobody-" + id));
    }

    @Test
    void anErasedLearnerLeavesATombstoneAndTheIdIsNotGivenOutAgain() {
        String id = newId("era");
        String token = create(id);
        given().header("Authorization", "Bearer " + token).delete("/v1/learners/" + id).then().statusCode(204);

        assertThat(learners.findByIdOptional(id)).isEmpty();
        given().header("Authorization", "Bearer " + token).get("/v1/courses").then().statusCode(401);
        given().header("Authorization", ADMIN).delete("/v1/learners/" + id).then().statusCode(404);
        given().header("Authorization", ADMIN).get("/v1/learners/" + id + "/progress").then().statusCode(404);
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"id\":\"" + id + "\"}")
                .post("/v1/learners").then().statusCode(409).body("error", equalTo("learner id erased"));
        try (TopicClient kafka = new TopicClient(bootstrapServers)) {
            List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.LEARNERS,
                    read -> read.stream().anyMatch(r -> id.equals(r.key()) && r.value() == null), Duration.ofSeconds(20));
            assertThat(records.stream().filter(r -> id.equals(r.key())).reduce((a, b) -> b).orElseThrow().value()).isNull();
        }
    }

    @Test
    void badBodiesAreJsonErrorsNamingTheProblem() {
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"id\":")
                .post("/v1/learners").then().statusCode(400)
                .contentType("application/json").body("error", equalTo("malformed JSON"));
        given().header("Authorization", ADMIN).contentType("application/json").body(new byte[]{'#', ' ', (byte) 0xC3, '(', 'a'})
                .post("/v1/learners").then().statusCode(400)
                .contentType("application/json").body("error", equalTo("malformed JSON"));
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"id\":\"x\",\"restDaysPerWeek\":\"many\"}")
                .post("/v1/learners").then().statusCode(400)
                .contentType("application/json").body("detail", containsString("restDaysPerWeek"));
        given().header("Authorization", ADMIN).contentType("text/plain").body("{}")
                .post("/v1/learners").then().statusCode(415).contentType("application/json")
                .body("detail", containsString("text/plain"));
        given().header("Authorization", ADMIN).get("/v1/nowhere").then().statusCode(404).contentType("application/json");
        given().header("Authorization", ADMIN).put("/v1/learners").then().statusCode(405).contentType("application/json");
    }

    private String create(String id) {
        return given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"id\":\"" + id + "\",\"timezone\":\"Europe/Berlin\"}")
                .post("/v1/learners").then().statusCode(201).extract().path("token");
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
