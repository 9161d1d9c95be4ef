package io.coursetracker.tracker.courses;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.CatalogEvent;
import io.coursetracker.contracts.events.CourseCatalogPublished;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.localstack.LocalStackTestResource;
import io.coursetracker.localstack.TopicClient;
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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Boots tracker-api against a real Kafka broker and PostgreSQL: catalogs are published on, and read from, the catalogs topic. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracker"))
class CourseResourceTest {
    private static final String ADMIN = "Bearer test-admin-token";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Test
    void anyKnownTokenReadsTheCatalogsAndNoTokenReadsNothing() {
        String learner = "Bearer " + newLearnerToken();
        given().get("/v1/courses").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get("/v1/courses").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get("/v1/courses/fastai-part1-2022").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get("/v1/courses/no-such-course").then().statusCode(401);

        for (String caller : List.of(learner, ADMIN)) {
            given().header("Authorization", caller).get("/v1/courses").then().statusCode(200)
                    .body("id", hasItem("fastai-part1-2022"))
                    .body("find { it.id == 'fastai-part1-2022' }.title", containsString("Practical Deep Learning"))
                    .body("find { it.id == 'fastai-part1-2022' }.lessons", hasSize(8));
            given().header("Authorization", caller).get("/v1/courses/fastai-part1-2022").then().statusCode(200)
                    .body("id", equalTo("fastai-part1-2022"))
                    .body("lessons[0].url", equalTo("https://course.fast.ai/Lessons/lesson1.html"))
                    .body("lessons[0].aliases", hasItem("Lesson 1"));
            given().header("Authorization", caller).get("/v1/courses/no-such-course").then().statusCode(404)
                    .body("detail", containsString("no-such-course"));
        }
    }

    @Test
    void onlyAnAdminPublishesACatalogNewIs201ReplacedIs200AndTheEventIsOnTheTopic() throws Exception {
        String id = "guild-" + UUID.randomUUID().toString().substring(0, 8);
        String learner = "Bearer " + newLearnerToken();
        given().contentType("application/json").body(TestCatalogs.twoLessons(id, "Guild Session 1")).put("/v1/courses/{id}", id)
                .then().statusCode(401);
        given().header("Authorization", learner).contentType("application/json").body(TestCatalogs.twoLessons(id, "Guild Session 1"))
                .put("/v1/courses/{id}", id).then().statusCode(403);
        given().header("Authorization", learner).get("/v1/courses/{id}", id).then().statusCode(404);

        given().header("Authorization", ADMIN).contentType("application/json").body(TestCatalogs.twoLessons(id, "Guild Session 1"))
                .put("/v1/courses/{id}", id).then().statusCode(201)
                .header("Location", containsString("/v1/courses/" + id))
                .body("id", equalTo(id));
        given().header("Authorization", learner).get("/v1/courses/{id}", id).then().statusCode(200)
                .body("lessons[0].aliases", equalTo(List.of("Guild Session 1")));
        given().header("Authorization", learner).get("/v1/courses").then().statusCode(200).body("id", hasItem(id));

        given().header("Authorization", ADMIN).contentType("application/json").body(TestCatalogs.twoLessons(id, "Guild Meetup 1"))
                .put("/v1/courses/{id}", id).then().statusCode(200);
        given().header("Authorization", learner).get("/v1/courses/{id}", id).then().statusCode(200)
                .body("lessons[0].aliases", equalTo(List.of("Guild Meetup 1")));

        try (TopicClient kafka = new TopicClient(bootstrapServers)) {
            List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.CATALOGS,
                    read -> read.stream().filter(r -> id.equals(r.key())).count() == 2, Duration.ofSeconds(20));
            List<CatalogEvent> events = records.stream().filter(r -> id.equals(r.key())).map(r -> read(r.value())).toList();
            assertThat(events).hasSize(2).allSatisfy(event -> assertThat(event).isInstanceOf(CourseCatalogPublished.class));
            assertThat(((CourseCatalogPublished) events.get(1)).catalog().lessons().get(0).aliases())
                    .containsExactly("Guild Meetup 1");
        }
    }

    @Test
    void aMalformedOrInconsistentCatalogIsA400NamingTheProblemAndChangesNothing() {
        String id = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType("application/json").body(TestCatalogs.twoLessons(id, "Broken 1"))
                .put("/v1/courses/{id}", id).then().statusCode(201);
        String before = given().header("Authorization", ADMIN).get("/v1/courses/{id}", id).then().statusCode(200)
                .extract().asString();

        refused(id, "{ \"id\": \"" + id + "\", ", "malformed catalog JSON");
        refused(id, "", "send the catalog");
        refused(id, TestCatalogs.twoLessons("someone-else", "Broken 1"), "someone-else");
        refused(id, TestCatalogs.twoLessons(id, "Broken 1").replace("\"number\": 2", "\"number\": 1"), "duplicate lesson number");
        refused(id, TestCatalogs.twoLessons(id, "Broken 1").replace("\"title\": \"Second session\"", "\"title\": \" \""), "lesson 2: title is blank");
        refused(id, TestCatalogs.twoLessons(id, "Broken 1").replace("https://guild.example.org/s2", "ftp://guild.example.org/s2"),
                "not an absolute http(s) url");
        refused(id, TestCatalogs.twoLessons(id, "Broken 1").replace("\"aliases\"", "\"alias\""), "alias");
        refused(id, TestCatalogs.twoLessons(id, "Broken 1").replace("\"Broken 1\"", "\"Broken 1\", \"Session 2\""), "also names lesson");

        String after = given().header("Authorization", ADMIN).get("/v1/courses/{id}", id).then().statusCode(200)
                .extract().asString();
        assertThat(after).isEqualTo(before);

        String neverPublished = "never-" + UUID.randomUUID().toString().substring(0, 8);
        refused(neverPublished, TestCatalogs.twoLessons(neverPublished, "X").replace("\"Guild course\"", "\"\""), "course title is blank");
        given().header("Authorization", ADMIN).get("/v1/courses/{id}", neverPublished).then().statusCode(404);
    }

    private void refused(String id, String body, String detail) {
        given().header("Authorization", ADMIN).contentType("application/json").body(body)
                .put("/v1/courses/{id}", id).then().statusCode(400)
                .body("detail", containsString(detail));
    }

    private CatalogEvent read(String value) {
        try {
            return json.readValue(value, CatalogEvent.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String newLearnerToken() {
        return given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"id\":\"reader-" + UUID.randomUUID().toString().substring(0, 8) + "\"}")
                .post("/v1/learners").then().statusCode(201).extract().path("token");
    }
}
