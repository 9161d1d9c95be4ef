package io.coursetracker.ingest.notes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.catalog.CatalogLesson;
import io.coursetracker.contracts.catalog.CourseCatalog;
import io.coursetracker.contracts.events.CourseCatalogPublished;
import io.coursetracker.contracts.events.LearnerRegistered;
import io.coursetracker.contracts.events.LearnerSettingsChanged;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.localstack.LocalStackTestResource;
import io.coursetracker.localstack.TopicClient;
import io.coursetracker.support.security.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;

/**
 * Boots ingest-service against a real Kafka broker and PostgreSQL. Catalogs and learners' settings
 * arrive as events only: a team's course published on the catalogs topic, and a learner who starts
 * following it through {@code LearnerSettingsChanged}. Nothing waits after publishing: the service
 * catches up with the topics when it meets an unknown token or course.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class ParseAgainstPublishedCatalogsTest {
    private static final String NOTE = """
            # 2026-03-20
            ## Goals for Today
            - [x] Watched the Guild Session 1 recording
            - [ ] Lesson 2 of fast.ai
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    TopicClient kafka;
    String course;
    String learner;
    String token;

    @BeforeEach
    void publishCourseAndLearner() throws IOException {
        kafka = new TopicClient(bootstrapServers);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        course = "guild-" + suffix;
        learner = "guild-learner-" + suffix;
        token = Tokens.newToken();
        CourseCatalog catalog = new CourseCatalog(course, "Guild course", List.of(
                new CatalogLesson(1, "Session one", "https://guild.example.org/" + course + "/session-1",
                        List.of(), List.of(), List.of("Guild Session 1"))));
        kafka.send(Topics.CATALOGS, course, json.writeValueAsString(
                new CourseCatalogPublished(UUID.randomUUID(), Instant.now(), 1, catalog)));
        kafka.send(Topics.LEARNERS, learner, json.writeValueAsString(new LearnerRegistered(UUID.randomUUID(), Instant.now(),
                1, learner, "Guild Learner", "UTC", List.of("fastai-part1-2022"), 0, Tokens.sha256(token))));
        kafka.send(Topics.LEARNERS, learner, json.writeValueAsString(new LearnerSettingsChanged(UUID.randomUUID(), Instant.now(),
                1, learner, "Guild Learner", "UTC", List.of("fastai-part1-2022", course), 0, Tokens.sha256(token))));
    }

    @AfterEach
    void closeKafka() {
        kafka.close();
    }

    @Test
    void parseResolvesAgainstACustomCourseTheCallerFollows() {
        // The settings change is the learner's newest record; wait for it to be read before asserting.
        awaitCoursesOfLearner(2);

        given().header("Authorization", "Bearer " + token).contentType("text/markdown").body(NOTE)
                .post("/v1/parse?path=Daily/2026-03-20.md")
                .then().statusCode(200)
                .body("tasks[0].lessons", hasItem(Map.of("course", course, "lesson", 1, "activity", "watch")))
                .body("tasks[1].lessons.course", hasItem("fastai-part1-2022"))
                .body("tasks[1].lessons.lesson", hasItem(2));
    }

    @Test
    void anAdminsParseResolvesAgainstEveryCatalogAndAnotherLearnersDoesNot() throws IOException {
        given().header("Authorization", "Bearer test-admin-token").contentType("text/markdown").body(NOTE)
                .post("/v1/parse")
                .then().statusCode(200)
                .body("tasks[0].lessons.course", hasItem(course));

        String other = "fastai-only-" + UUID.randomUUID().toString().substring(0, 8);
        String otherToken = Tokens.newToken();
        kafka.send(Topics.LEARNERS, other, json.writeValueAsString(new LearnerRegistered(UUID.randomUUID(), Instant.now(),
                1, other, "Other", "UTC", List.of("fastai-part1-2022"), 0, Tokens.sha256(otherToken))));
        given().header("Authorization", "Bearer " + otherToken).contentType("text/markdown").body(NOTE)
                .post("/v1/parse")
                .then().statusCode(200)
                .body("tasks[0].lessons", empty());
    }

    @Test
    void aSavedNoteOfTheFollowerResolvesTheCustomCourseToo() {
        awaitCoursesOfLearner(2);

        given().header("Authorization", "Bearer " + token).contentType("text/markdown").body(NOTE)
                .put("/v1/learners/" + learner + "/notes/Daily/2026-03-20.md")
                .then().statusCode(202)
                .body("note.tasks[0].lessons", hasItem(Map.of("course", course, "lesson", 1, "activity", "watch")));
    }

    @Inject
    io.coursetracker.support.learners.LearnerDirectory learners;

    private void awaitCoursesOfLearner(int count) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            learners.catchUp(java.time.Duration.ofSeconds(3));
            if (learners.learner(learner).map(l -> l.courses().size() == count).orElse(false)) {
                return;
            }
        }
        throw new AssertionError("the learner directory never saw " + learner + " follow " + count + " courses");
    }
}
