package io.coursetracker.tracker.learners;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerEvent;
import io.coursetracker.contracts.events.LearnerSettingsChanged;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.localstack.LocalStackTestResource;
import io.coursetracker.localstack.TopicClient;
import io.coursetracker.support.security.Tokens;
import io.coursetracker.tracker.courses.TestCatalogs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** Boots tracker-api against a real Kafka broker and PostgreSQL: {@code PATCH /v1/learners/{id}}. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracker"))
class LearnerSettingsTest {
    private static final String ADMIN = "Bearer test-admin-token";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    LearnerRepository learners;

    String id;
    String token;

    @BeforeEach
    void createLearner() {
        id = "ada-" + UUID.randomUUID().toString().substring(0, 8);
        token = given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"id\":\"" + id + "\",\"displayName\":\"Ada\",\"timezone\":\"Europe/Berlin\"}")
                .post("/v1/learners").then().statusCode(201).extract().path("token");
    }

    @Test
    void theLearnerChangesTheirSettingsAndTheWholeStateIsPublishedWithTheTokenHash() throws Exception {
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"displayName\":\"Ada L.\",\"timezone\":\"Asia/Tokyo\",\"restDaysPerWeek\":2}")
                .patch("/v1/learners/{id}", id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("displayName", equalTo("Ada L."))
                .body("timezone", equalTo("Asia/Tokyo"))
                .body("courses", equalTo(List.of("fastai-part1-2022")))
                .body("restDaysPerWeek", equalTo(2))
                .body("$", not(hasKey("token")))
                .body("$", not(hasKey("tokenSha256")));

        Learner row = learners.findById(id);
        assertThat(row.timezone).isEqualTo("Asia/Tokyo");
        assertThat(row.restDaysPerWeek).isEqualTo(2);
        try (TopicClient kafka = new TopicClient(bootstrapServers)) {
            List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.LEARNERS,
                    read -> read.stream().filter(r -> id.equals(r.key())).count() == 2, Duration.ofSeconds(20));
            List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> id.equals(r.key())).toList();
            assertThat(mine).hasSize(2);
            LearnerEvent event = json.readValue(mine.get(1).value(), LearnerEvent.class);
            assertThat(event).isInstanceOfSatisfying(LearnerSettingsChanged.class, changed -> {
                assertThat(changed.displayName()).isEqualTo("Ada L.");
                assertThat(changed.timezone()).isEqualTo("Asia/Tokyo");
                assertThat(changed.courses()).containsExactly("fastai-part1-2022");
                assertThat(changed.restDaysPerWeek()).isEqualTo(2);
                assertThat(changed.tokenSha256()).isEqualTo(Tokens.sha256(token));
            });
        }
        // The token still works after the change.
        given().header("Authorization", "Bearer " + token).get("/v1/courses").then().statusCode(200);
    }

    @Test
    void onlyTheLearnerOrAnAdminChangesTheLearner() {
        String other = given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"id\":\"eve-" + UUID.randomUUID().toString().substring(0, 8) + "\"}")
                .post("/v1/learners").then().statusCode(201).extract().path("token");
        String body = "{\"displayName\":\"Hijacked\"}";

        given().contentType("application/json").body(body).patch("/v1/learners/{id}", id).then().statusCode(401);
        given().header("Authorization", "Bearer nope").contentType("application/json").body(body)
                .patch("/v1/learners/{id}", id).then().statusCode(401);
        given().header("Authorization", "Bearer " + other).contentType("application/json").body(body)
                .patch("/v1/learners/{id}", id).then().statusCode(403);
        given().header("Authorization", "Bearer " + other).contentType("application/json").body(body)
                .patch("/v1/learners/{id}", "nobody-" + id).then().statusCode(403);
        assertThat(learners.findById(id).displayName).isEqualTo("Ada");

        given().header("Authorization", ADMIN).contentType("application/json").body("{\"displayName\":\"Ada (admin)\"}")
                .patch("/v1/learners/{id}", id).then().statusCode(200).body("displayName", equalTo("Ada (admin)"));
        given().header("Authorization", ADMIN).contentType("application/json").body(body)
                .patch("/v1/learners/{id}", "nobody-" + id).then().statusCode(404).body("detail", containsString("nobody-" + id));
    }

    @Test
    void invalidOrEmptyBodiesAre400NamingTheProblemAndChangeNothing() {
        Learner before = learners.findById(id);
        String courses = before.courses;

        invalid("", "missing body");
        invalid("{}", "nothing to change");
        invalid("[]", "JSON object");
        invalid("{\"displayName\": ", "malformed JSON");
        invalid("{\"timezone\":\"Mars/Olympus\"}", "Mars/Olympus");
        invalid("{\"timezone\":\"+02:00\"}", "+02:00");
        invalid("{\"restDaysPerWeek\":4}", "restDaysPerWeek");
        invalid("{\"restDaysPerWeek\":1.5}", "restDaysPerWeek");
        invalid("{\"restDaysPerWeek\":\"2\"}", "restDaysPerWeek");
        invalid("{\"displayName\":\"  \"}", "displayName");
        invalid("{\"displayName\":null}", "displayName");
        invalid("{\"courses\":\"fastai-part1-2022\"}", "array");
        invalid("{\"courses\":[\"fastai-part1-2022\",\"no-such-course\",\"nor-this\"]}", "'no-such-course', 'nor-this'");
        invalid("{\"token\":\"ct_mine\"}", "'token' cannot be changed");
        // One bad field refuses the whole body: the good one is not applied either.
        invalid("{\"displayName\":\"Changed\",\"restDaysPerWeek\":9}", "restDaysPerWeek");

        Learner after = learners.findById(id);
        assertThat(after.displayName).isEqualTo("Ada");
        assertThat(after.timezone).isEqualTo("Europe/Berlin");
        assertThat(after.restDaysPerWeek).isZero();
        assertThat(after.courses).isEqualTo(courses);
    }

    @Test
    void aLearnerFollowsACoursePublishedByAnAdmin() {
        String course = "guild-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(TestCatalogs.twoLessons(course, "Guild Session 1"))
                .put("/v1/courses/{id}", course).then().statusCode(201);

        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"courses\":[\"" + course + "\",\"fastai-part1-2022\",\"" + course + "\"]}")
                .patch("/v1/learners/{id}", id)
                .then().statusCode(200)
                .body("courses", equalTo(List.of(course, "fastai-part1-2022")));
    }

    private void invalid(String body, String detail) {
        var answer = given().header("Authorization", "Bearer " + token).contentType("application/json").body(body)
                .patch("/v1/learners/{id}", id)
                .then().statusCode(400).extract().jsonPath();
        assertThat(answer.getString("error") + ": " + answer.getString("detail")).as("answer to %s", body).contains(detail);
    }
}
