package io.coursetracker.progress.notes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerRegistered;
import io.coursetracker.contracts.events.NoteDeleted;
import io.coursetracker.contracts.events.NoteRevised;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.contracts.note.Note;
import io.coursetracker.contracts.note.Section;
import io.coursetracker.contracts.note.SectionCounts;
import io.coursetracker.contracts.note.Task;
import io.coursetracker.contracts.note.TaskStatus;
import io.coursetracker.localstack.LocalStackTestResource;
import io.coursetracker.localstack.TopicClient;
import io.coursetracker.support.security.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Boots progress-service against a real Kafka broker and PostgreSQL and feeds it note events as ingest-service would. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "progress"))
class NoteEventsConsumerTest {
    private static final String WATCH_LESSON_1 = "https://course.fast.ai/Lessons/lesson1.html";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    TopicClient kafka;
    String learner;
    String token;

    @BeforeEach
    void registerLearner() throws Exception {
        kafka = new TopicClient(bootstrapServers);
        learner = "learner-" + UUID.randomUUID().toString().substring(0, 8);
        token = Tokens.newToken();
        kafka.send(Topics.LEARNERS, learner, json.writeValueAsString(new LearnerRegistered(UUID.randomUUID(), Instant.now(),
                1, learner, "Test Learner", "UTC", List.of("fastai-part1-2022"), 0, Tokens.sha256(token))));
    }

    @AfterEach
    void closeKafka() {
        kafka.close();
    }

    @Test
    void aCheckedWatchTaskShowsLessonOneInProgressAtAQuarter() throws Exception {
        publish(revised("Daily/2026-03-14.md", 1, TaskStatus.DONE));

        JsonPath lesson1 = awaitLesson1(l -> "in_progress".equals(l.getString("status")));
        assertThat(lesson1.getDouble("completion")).isEqualTo(0.25);
        assertThat(lesson1.getBoolean("activities.watch")).isTrue();
        assertThat(lesson1.getBoolean("activities.read")).isFalse();
    }

    @Test
    void duplicatesAndLateOlderRevisionsChangeNothing() throws Exception {
        NoteRevised checked = revised("Daily/2026-03-14.md", 2, TaskStatus.DONE);
        publish(checked);
        awaitLesson1(l -> l.getBoolean("activities.watch"));

        publish(revised("Daily/2026-03-14.md", 1, TaskStatus.OPEN)); // older revision, late
        publish(checked); // the same event again
        NoteRevised marker = revised("Daily/2026-03-15.md", 1, TaskStatus.OPEN);
        publish(marker); // processed after the two above: once it shows, they were handled
        awaitLesson1(l -> true);
        awaitNoteCount(2);

        assertThat(awaitLesson1(l -> true).getBoolean("activities.watch")).isTrue();
        // The audit view: revision 2 applied, once; the duplicate and the late revision 1 never counted.
        JsonPath applied = given().header("Authorization", "Bearer " + token)
                .get("/v1/learners/{id}/notes", learner).then().statusCode(200).extract().jsonPath();
        assertThat(applied.getList("path")).containsExactly("Daily/2026-03-14.md", "Daily/2026-03-15.md");
        assertThat(applied.getLong("[0].revision")).isEqualTo(2);
        assertThat(applied.getInt("[0].appliedRevisions")).isEqualTo(1);
        assertThat(applied.getInt("[1].appliedRevisions")).isEqualTo(1);
    }

    @Test
    void everyNewRevisionAndTheDeleteCountOnceInTheAuditView() throws Exception {
        publish(revised("Daily/2026-03-14.md", 1, TaskStatus.OPEN));
        publish(revised("Daily/2026-03-14.md", 2, TaskStatus.DONE));
        publish(new NoteDeleted(UUID.randomUUID(), Instant.now(), 1, learner, "Daily/2026-03-14.md", 3));
        awaitLesson1(l -> "not_started".equals(l.getString("status")));

        JsonPath applied = awaitAppliedRevision("Daily/2026-03-14.md", 3);
        assertThat(applied.getBoolean("[0].deleted")).isTrue();
        assertThat(applied.getInt("[0].appliedRevisions")).isEqualTo(3);
        given().header("Authorization", "Bearer " + token).get("/v1/learners/{id}/notes", "someone-else").then().statusCode(403);
        given().get("/v1/learners/{id}/notes", learner).then().statusCode(401);
    }

    @Test
    void deletingTheNoteUndoesItsCompletion() throws Exception {
        publish(revised("Daily/2026-03-14.md", 1, TaskStatus.DONE));
        awaitLesson1(l -> l.getBoolean("activities.watch"));

        publish(new NoteDeleted(UUID.randomUUID(), Instant.now(), 1, learner, "Daily/2026-03-14.md", 2));

        JsonPath lesson1 = awaitLesson1(l -> "not_started".equals(l.getString("status")));
        assertThat(lesson1.getDouble("completion")).isZero();
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndProcessingGoesOn() throws Exception {
        kafka.send(Topics.NOTES, learner, "{ this is not an event");
        publish(revised("Daily/2026-03-14.md", 1, TaskStatus.DONE));

        awaitLesson1(l -> l.getBoolean("activities.watch"));
        var dead = kafka.readUntil(Topics.NOTES_DEAD_LETTER,
                read -> read.stream().anyMatch(r -> r.value().startsWith("{ this is not")), Duration.ofSeconds(20));
        assertThat(dead).anySatisfy(r -> {
            assertThat(r.value()).startsWith("{ this is not");
            assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull();
        });
    }

    @Test
    void progressIsOnlyForTheLearnerAndTheAdmin() {
        given().get("/v1/learners/{id}/progress", learner).then().statusCode(401);
        given().header("Authorization", "Bearer nope").get("/v1/learners/{id}/progress", learner).then().statusCode(401);
        given().header("Authorization", "Bearer " + token).get("/v1/learners/{id}/progress", "someone-else").then().statusCode(403);
        given().header("Authorization", "Bearer test-admin-token").get("/v1/learners/{id}/progress", learner).then().statusCode(200);
    }

    private NoteRevised revised(String path, long revision, TaskStatus watchStatus) {
        Task watch = new Task("Watch Lesson 1: Getting started", watchStatus, Section.GOALS, List.of(WATCH_LESSON_1), List.of());
        Note note = new Note(LocalDate.parse(path.substring(6, 16)), true, watchStatus == TaskStatus.DONE, List.of("fastai"),
                List.of(watch), new SectionCounts(1, 0, 0, 0), List.of(), List.of(WATCH_LESSON_1), List.of());
        return new NoteRevised(UUID.randomUUID(), Instant.now(), 1, learner, path, revision, "sha-" + revision, note);
    }

    private void publish(Object event) throws Exception {
        kafka.send(Topics.NOTES, learner, json.writeValueAsString(event));
    }

    private JsonPath awaitLesson1(Predicate<JsonPath> expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        JsonPath lesson1 = null;
        while (Instant.now().isBefore(deadline)) {
            JsonPath progress = given().header("Authorization", "Bearer " + token)
                    .get("/v1/learners/{id}/progress", learner).then().statusCode(200).extract().jsonPath();
            lesson1 = progress.setRootPath("courses[0].lessons[0]");
            if (expected.test(lesson1)) {
                return lesson1;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("lesson 1 never reached the expected state; last: " + (lesson1 == null ? null : lesson1.prettify()));
    }

    private JsonPath awaitAppliedRevision(String path, long revision) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        JsonPath applied = null;
        while (Instant.now().isBefore(deadline)) {
            applied = given().header("Authorization", "Bearer " + token)
                    .get("/v1/learners/{id}/notes", learner).then().statusCode(200).extract().jsonPath();
            if (applied.getList("path").equals(List.of(path)) && applied.getLong("[0].revision") == revision) {
                return applied;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("revision " + revision + " of " + path + " was never applied; last: " + (applied == null ? null : applied.prettify()));
    }

    @Inject
    StoredNoteRepository notes;

    private void awaitNoteCount(int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (notes.count("key.learnerId", learner) == count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never saw " + count + " notes for " + learner);
    }
}
