package io.coursetracker.progress.notes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerRegistered;
import io.coursetracker.contracts.events.NoteDeleted;
import io.coursetracker.contracts.events.NoteEvent;
import io.coursetracker.contracts.events.NoteRevised;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.contracts.note.Note;
import io.coursetracker.contracts.note.Question;
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
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any order and any duplication of the same note events give the same progress, streak, calendar
 * and questions as applying them once in order: checked on the real broker and database with
 * several random replays (a failure names its seed, so it can be replayed).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "progress"))
class ReplayOrderTest {
    private static final int REPLAYS = 4;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    ProcessedEventRepository processed;

    @Inject
    LearnerSettingsRepository learners;

    TopicClient kafka;

    @BeforeEach
    void connect() {
        kafka = new TopicClient(bootstrapServers);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void shuffledAndDuplicatedEventsEndWhereTheOrderedOnesEnd() throws Exception {
        String ordered = register();
        List<NoteEvent> history = history(ordered);
        publishAndAwait(ordered, history);
        String expected = everythingTheLearnerReads(ordered);

        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int replay = 0; replay < REPLAYS; replay++) {
            String learner = register();
            List<NoteEvent> events = new ArrayList<>(history(learner));
            // Each event once or twice (redelivery), in any order (late, older revisions).
            List<NoteEvent> duplicates = events.stream().filter(event -> random.nextBoolean()).toList();
            events.addAll(duplicates);
            Collections.shuffle(events, random);

            publishAndAwait(learner, events);

            assertThat(everythingTheLearnerReads(learner).replace(learner, ordered))
                    .as("replay %d of seed %d", replay, seed)
                    .isEqualTo(expected);
        }
    }

    /** Three notes of one learner: revisions, a delete, a note written again after its delete. */
    private List<NoteEvent> history(String learner) {
        List<NoteEvent> events = new ArrayList<>();
        events.add(revised(learner, "Daily/2026-04-06.md", 1, "2026-04-06", TaskStatus.DONE, "Watch Lesson 1", "What is a loss?"));
        events.add(revised(learner, "Daily/2026-04-06.md", 2, "2026-04-06", TaskStatus.OPEN, "Watch Lesson 1", "What is a loss?"));
        events.add(revised(learner, "Daily/2026-04-06.md", 3, "2026-04-07", TaskStatus.DONE, "Complete Lesson 1", null));
        events.add(revised(learner, "Daily/2026-04-08.md", 1, "2026-04-08", TaskStatus.DONE, "Read the book chapter for Lesson 2", "what is a  LOSS?"));
        events.add(new NoteDeleted(UUID.randomUUID(), Instant.now(), 1, learner, "Daily/2026-04-08.md", 2));
        events.add(revised(learner, "Daily/2026-04-08.md", 3, "2026-04-08", TaskStatus.DONE, "Run the Lesson 2 notebook", "Why SGD?"));
        events.add(revised(learner, "Daily/2026-04-09.md", 1, "2026-04-09", TaskStatus.DONE, "Watch the Lesson 2 video", null));
        events.add(new NoteDeleted(UUID.randomUUID(), Instant.now(), 1, learner, "Daily/2026-04-09.md", 2));
        return events;
    }

    private static NoteRevised revised(String learner, String path, long revision, String date, TaskStatus status, String taskText,
                                       String question) {
        List<Question> questions = question == null ? List.of() : List.of(new Question(question, false, List.of()));
        Note note = new Note(LocalDate.parse(date), true, status == TaskStatus.DONE, List.of(),
                List.of(new Task(taskText, status, Section.GOALS, List.of(), List.of())),
                new SectionCounts(1, 0, 0, questions.size()), questions, List.of(), List.of());
        return new NoteRevised(UUID.randomUUID(), Instant.now(), 1, learner, path, revision, "sha-" + revision, note);
    }

    private String register() throws Exception {
        String learner = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send(Topics.LEARNERS, learner, json.writeValueAsString(new LearnerRegistered(UUID.randomUUID(), Instant.now(), 1,
                learner, "Replay", "UTC", List.of("fastai-part1-2022"), 1, Tokens.sha256(Tokens.newToken()))));
        // The learners and notes topics are read independently: wait until the rest-day setting is known.
        Instant deadline = Instant.now().plusSeconds(20);
        while (learners.findByIdOptional(learner).isEmpty()) {
            assertThat(Instant.now()).as("%s known to progress-service in time", learner).isBefore(deadline);
            Thread.sleep(50);
        }
        return learner;
    }

    private void publishAndAwait(String learner, List<NoteEvent> events) throws Exception {
        for (NoteEvent event : events) {
            kafka.send(Topics.NOTES, learner, json.writeValueAsString(event));
        }
        Set<UUID> ids = events.stream().map(NoteEvent::eventId).collect(Collectors.toSet());
        Instant deadline = Instant.now().plusSeconds(30);
        while (processed.count("eventId IN ?1", ids) < ids.size()) {
            assertThat(Instant.now()).as("all %d events of %s processed in time", ids.size(), learner).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private String everythingTheLearnerReads(String learner) {
        StringBuilder reads = new StringBuilder();
        for (String read : List.of("/progress", "/streak?asOf=2026-04-10", "/calendar?from=2026-04-05&to=2026-04-10", "/questions")) {
            reads.append(given().header("Authorization", "Bearer test-admin-token").get("/v1/learners/" + learner + read)
                    .then().statusCode(200).extract().asString()).append('\n');
        }
        return reads.toString();
    }
}
