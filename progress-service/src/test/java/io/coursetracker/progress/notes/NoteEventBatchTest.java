package io.coursetracker.progress.notes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerRegistered;
import io.coursetracker.contracts.events.NoteDeleted;
import io.coursetracker.contracts.events.NoteEvent;
import io.coursetracker.contracts.events.NoteRevised;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.contracts.note.Note;
import io.coursetracker.contracts.note.Section;
import io.coursetracker.contracts.note.SectionCounts;
import io.coursetracker.contracts.note.Task;
import io.coursetracker.contracts.note.TaskStatus;
import io.coursetracker.localstack.LocalStackTestResource;
import io.coursetracker.localstack.TopicClient;
import io.coursetracker.progress.learners.LearnerSettingsRepository;
import io.coursetracker.support.security.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notes consumer's batches, on the real database and broker: the batch is handed to the
 * consumer method exactly as SmallRye hands over a poll, so which records share a batch is
 * fixed by the test rather than by the broker's timing.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "progress"))
class NoteEventBatchTest {
    private static final String ADMIN = "Bearer test-admin-token";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    NoteEventsConsumer consumer;

    @Inject
    LearnerSettingsRepository learners;

    TopicClient kafka;
    long offset = 1_000;

    @BeforeEach
    void connect() {
        kafka = new TopicClient(bootstrapServers);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aPoisonRecordInTheMiddleIsDeadLetteredAndTheRestOfTheBatchIsApplied() throws Exception {
        String ada = register();
        String bob = register();
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        batch.add(record(ada, revised(ada, "Daily/2026-05-04.md", 1, "Watch the Lesson 1 video", TaskStatus.DONE)));
        batch.add(record(bob, revised(bob, "Daily/2026-05-04.md", 1, "Read the book chapter for Lesson 1", TaskStatus.DONE)));
        ConsumerRecord<String, String> poison = new ConsumerRecord<>(Topics.NOTES, 0, offset++, ada, "{ half an event");
        batch.add(poison);
        batch.add(record(ada, revised(ada, "Daily/2026-05-05.md", 1, "Run the Lesson 1 notebook on Kaggle", TaskStatus.DONE)));

        consumer.consume(batch(batch));

        // Returned: both learners' transactions committed, the records after the poison included.
        assertThat(lesson1Activities(ada)).containsEntry("watch", true).containsEntry("notebook", true).containsEntry("read", false);
        assertThat(lesson1Activities(bob)).containsEntry("read", true).containsEntry("watch", false);
        var dead = kafka.readUntil(Topics.NOTES_DEAD_LETTER, read -> read.stream().anyMatch(r -> "{ half an event".equals(r.value())),
                Duration.ofSeconds(20));
        assertThat(dead).filteredOn(r -> "{ half an event".equals(r.value())).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(ada);
            assertThat(new String(r.headers().lastHeader("dead-letter-reason").value())).startsWith("not a note event");
            assertThat(new String(r.headers().lastHeader("dead-letter-offset").value())).isEqualTo(String.valueOf(poison.offset()));
        });
    }

    @Test
    void aBatchSpanningLearnersAppliesEachLearnersEventsInOrderOnceAndSaysWhatTheBatchChanged() throws Exception {
        String ada = register();
        String bob = register();
        NoteRevised adaFirst = revised(ada, "Daily/2026-05-04.md", 1, "Watch the Lesson 1 video", TaskStatus.DONE);
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        batch.add(record(ada, adaFirst));
        batch.add(record(bob, revised(bob, "Daily/2026-05-04.md", 1, "Complete Lesson 1", TaskStatus.DONE)));
        batch.add(record(ada, revised(ada, "Daily/2026-05-04.md", 2, "Complete Lesson 1", TaskStatus.DONE)));
        batch.add(record(ada, adaFirst)); // redelivered within the batch: ignored, not counted
        batch.add(record(ada, revised(ada, "Daily/2026-05-05.md", 1, "Watch the Lesson 2 video", TaskStatus.DONE)));
        batch.add(record(ada, new NoteDeleted(UUID.randomUUID(), Instant.now(), 1, ada, "Daily/2026-05-05.md", 2)));
        batch.add(record(bob, revised(bob, "Daily/2026-05-04.md", 1, "Watch the Lesson 3 video", TaskStatus.DONE))); // not newer

        consumer.consume(batch(batch));

        JsonPath adaNotes = notes(ada);
        assertThat(adaNotes.getList("path")).containsExactly("Daily/2026-05-04.md", "Daily/2026-05-05.md");
        assertThat(adaNotes.getLong("[0].revision")).isEqualTo(2);
        assertThat(adaNotes.getInt("[0].appliedRevisions")).isEqualTo(2);
        assertThat(adaNotes.getBoolean("[1].deleted")).isTrue();
        assertThat(adaNotes.getInt("[1].appliedRevisions")).isEqualTo(2);
        assertThat(notes(bob).getInt("[0].appliedRevisions")).isEqualTo(1);
        assertThat(lesson1Activities(bob)).doesNotContainValue(false);

        // A NoteApplied per applied event, in order; the lesson and streak events once for the batch.
        List<JsonNode> adaEvents = progressEvents(ada, 5);
        assertThat(adaEvents).extracting(e -> e.path("type").asText() + " " + e.path("notePath").asText() + " " + e.path("revision").asText())
                .startsWith("NoteApplied Daily/2026-05-04.md 1", "NoteApplied Daily/2026-05-04.md 2",
                        "NoteApplied Daily/2026-05-05.md 1", "NoteApplied Daily/2026-05-05.md 2");
        assertThat(adaEvents).filteredOn(e -> "LessonCompleted".equals(e.path("type").asText())).singleElement()
                .satisfies(e -> assertThat(e.path("lesson").asInt()).isEqualTo(1));
        assertThat(adaEvents).filteredOn(e -> e.path("type").asText().startsWith("Lesson")).hasSize(1);
        // Those days are long past: today's streak is 0 before and after, so no streak event.
        assertThat(adaEvents).filteredOn(e -> e.path("type").asText().startsWith("Streak")).isEmpty();
    }

    private String register() throws Exception {
        String learner = "batch-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send(Topics.LEARNERS, learner, json.writeValueAsString(new LearnerRegistered(UUID.randomUUID(), Instant.now(), 1,
                learner, "Batch", "UTC", List.of("fastai-part1-2022"), 0, Tokens.sha256(Tokens.newToken()))));
        Instant deadline = Instant.now().plusSeconds(20);
        while (learners.findByIdOptional(learner).isEmpty()) {
            assertThat(Instant.now()).as("%s known to progress-service in time", learner).isBefore(deadline);
            Thread.sleep(50);
        }
        return learner;
    }

    private static NoteRevised revised(String learner, String path, long revision, String taskText, TaskStatus status) {
        Note note = new Note(LocalDate.parse(path.substring(6, 16)), true, status == TaskStatus.DONE, List.of(),
                List.of(new Task(taskText, status, Section.GOALS, List.of(), List.of())), new SectionCounts(1, 0, 0, 0),
                List.of(), List.of(), List.of());
        return new NoteRevised(UUID.randomUUID(), Instant.now(), 1, learner, path, revision, "sha-" + revision, note);
    }

    private ConsumerRecord<String, String> record(String learner, NoteEvent event) throws Exception {
        return new ConsumerRecord<>(Topics.NOTES, 0, offset++, learner, json.writeValueAsString(event));
    }

    private static ConsumerRecords<String, String> batch(List<ConsumerRecord<String, String>> records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(Topics.NOTES, 0), records), Map.of());
    }

    private static Map<String, Object> lesson1Activities(String learner) {
        return given().header("Authorization", ADMIN).get("/v1/learners/{id}/progress", learner)
                .then().statusCode(200).extract().jsonPath().getMap("courses[0].lessons[0].activities");
    }

    private static JsonPath notes(String learner) {
        return given().header("Authorization", ADMIN).get("/v1/learners/{id}/notes", learner).then().statusCode(200).extract().jsonPath();
    }

    /** The learner's events on progress.events.v1 (relayed from the outbox), once at least {@code atLeast} arrived. */
    private List<JsonNode> progressEvents(String learner, int atLeast) throws Exception {
        var records = kafka.readUntil(Topics.PROGRESS,
                read -> read.stream().filter(r -> learner.equals(r.key())).count() >= atLeast, Duration.ofSeconds(20));
        List<JsonNode> events = new ArrayList<>();
        for (var record : records) {
            if (learner.equals(record.key())) {
                events.add(json.readTree(record.value()));
            }
        }
        return events;
    }
}
