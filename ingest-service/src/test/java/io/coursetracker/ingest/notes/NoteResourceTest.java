package io.coursetracker.ingest.notes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerRegistered;
import io.coursetracker.contracts.events.NoteDeleted;
import io.coursetracker.contracts.events.NoteEvent;
import io.coursetracker.contracts.events.NoteRevised;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.localstack.LocalStackTestResource;
import io.coursetracker.localstack.TopicClient;
import io.coursetracker.support.security.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Boots ingest-service against a real Kafka broker and PostgreSQL; learners arrive as events, as in production. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class NoteResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    NoteRevisionRepository revisions;

    TopicClient kafka;
    String learner;
    String token;

    @BeforeEach
    void registerLearner() throws IOException {
        kafka = new TopicClient(bootstrapServers);
        learner = "learner-" + UUID.randomUUID().toString().substring(0, 8);
        token = Tokens.newToken();
        // No wait after this: a learner's first request right after registration must succeed.
        kafka.send(Topics.LEARNERS, learner, json.writeValueAsString(new LearnerRegistered(UUID.randomUUID(), Instant.now(),
                1, learner, "Test Learner", "Europe/Berlin", List.of("fastai-part1-2022"), 0, Tokens.sha256(token))));
    }

    @AfterEach
    void closeKafka() {
        kafka.close();
    }

    @Test
    void aSavedNoteIsAcceptedParsedAndPublishedKeyedByLearner() throws IOException {
        Response accepted = put("Daily/2026-03-14.md", fixture("2026-03-14.md"));
        accepted.then().statusCode(202)
                .body("status", equalTo("accepted"))
                .body("revision", equalTo(1))
                .body("eventId", notNullValue())
                .body("note.date", equalTo("2026-03-14"))
                .body("note.tasks[0].status", equalTo("done"))
                .body("note.tasks[0].lessons", hasItem(java.util.Map.of("course", "fastai-part1-2022", "lesson", 1, "activity", "watch")));
        String eventId = accepted.path("eventId");

        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.NOTES,
                read -> read.stream().anyMatch(r -> r.value().contains(eventId)), Duration.ofSeconds(20));
        ConsumerRecord<String, String> record = records.stream().filter(r -> r.value().contains(eventId)).findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(learner);
        NoteEvent event = json.readValue(record.value(), NoteEvent.class);
        assertThat(event).isInstanceOfSatisfying(NoteRevised.class, revised -> {
            assertThat(revised.notePath()).isEqualTo("Daily/2026-03-14.md");
            assertThat(revised.revision()).isEqualTo(1);
            assertThat(revised.schemaVersion()).isEqualTo(NoteRevised.SCHEMA_VERSION);
            assertThat(revised.note().date()).hasToString("2026-03-14");
        });
    }

    @Test
    void theSameContentAgainIsUnchangedAndAnEditIsTheNextRevision() throws IOException {
        byte[] note = fixture("2026-03-14.md");
        put("Daily/2026-03-14.md", note).then().statusCode(202).body("revision", equalTo(1));
        put("Daily/2026-03-14.md", note).then().statusCode(200)
                .body("status", equalTo("unchanged"))
                .body("revision", equalTo(1));
        byte[] edited = new String(note, java.nio.charset.StandardCharsets.UTF_8)
                .replace("- [ ] Read chapter 1", "- [x] Read chapter 1").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        put("Daily/2026-03-14.md", edited).then().statusCode(202).body("revision", equalTo(2));
    }

    @Test
    void deletingANotePublishesNoteDeletedAndDeletingAgainIsNotFound() throws IOException {
        put("Daily/2026-03-14.md", fixture("2026-03-14.md")).then().statusCode(202);
        String eventId = given().header("Authorization", "Bearer " + token)
                .delete("/v1/learners/{learner}/notes/Daily/2026-03-14.md", learner)
                .then().statusCode(202).body("revision", equalTo(2)).extract().path("eventId");
        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.NOTES,
                read -> read.stream().anyMatch(r -> r.value().contains(eventId)), Duration.ofSeconds(20));
        String payload = records.stream().filter(r -> r.value().contains(eventId)).findFirst().orElseThrow().value();
        assertThat(json.readValue(payload, NoteEvent.class)).isInstanceOf(NoteDeleted.class);

        given().header("Authorization", "Bearer " + token)
                .delete("/v1/learners/{learner}/notes/Daily/2026-03-14.md", learner)
                .then().statusCode(404).body("error", equalTo("unknown note"));
    }

    @Test
    void onlyTheLearnersOwnTokenOrTheAdminsMayWriteTheirNotes() throws IOException {
        byte[] note = fixture("2026-03-14.md");
        given().contentType("text/markdown").body(note)
                .put("/v1/learners/{learner}/notes/Daily/a.md", learner).then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("Authorization", "Bearer not-a-token").contentType("text/markdown").body(note)
                .put("/v1/learners/{learner}/notes/Daily/a.md", learner).then().statusCode(401);
        given().header("Authorization", "Bearer " + token).contentType("text/markdown").body(note)
                .put("/v1/learners/{learner}/notes/Daily/a.md", "someone-else").then().statusCode(403);
        given().header("Authorization", "Bearer test-admin-token").contentType("text/markdown").body(note)
                .put("/v1/learners/{learner}/notes/Daily/a.md", learner).then().statusCode(202);
        given().header("Authorization", "Bearer test-admin-token").contentType("text/markdown").body(note)
                .put("/v1/learners/{learner}/notes/Daily/a.md", "nobody-registered").then().statusCode(404)
                .body("detail", containsString("nobody-registered"));
    }

    @Test
    void badInputGetsAClearErrorAndStoresNothing() {
        long before = revisions.count();
        byte[] invalidUtf8 = {'#', ' ', 'h', 'i', '\n', (byte) 0xC3, (byte) 0x28};
        put("Daily/bad.md", invalidUtf8).then().statusCode(422)
                .body("error", equalTo("unreadable note"))
                .body("detail", containsString("offset 5"));
        put("..%2Fescape.md", "# 2026-03-14".getBytes()).then().statusCode(400);
        put("Daily/notes.txt", "# 2026-03-14".getBytes()).then().statusCode(400)
                .body("detail", containsString(".md"));
        assertThat(revisions.count()).isEqualTo(before);
    }

    @Test
    void parseAnswersTheNoteObjectAndStoresAndPublishesNothing() throws IOException {
        long revisionsBefore = revisions.count();
        // A Monday that is a Saturday: the answer carries the warning, as a learner trying a note would want.
        byte[] note = new String(fixture("2026-03-14.md"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("# 2026-03-14, Saturday", "# 2026-03-14, Monday").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        parse("Daily/2026-03-14.md", note, token).then().statusCode(200)
                .body("date", equalTo("2026-03-14"))
                .body("daily", equalTo(true))
                .body("active", equalTo(true))
                .body("tags", hasItem("fastai"))
                .body("tasks[0].status", equalTo("done"))
                .body("tasks[0].section", equalTo("goals"))
                .body("tasks[0].lessons", hasItem(java.util.Map.of("course", "fastai-part1-2022", "lesson", 1, "activity", "watch")))
                .body("tasks[1].status", equalTo("open"))
                .body("sections.goals", equalTo(2))
                .body("sections.studied", equalTo(1))
                .body("sections.questions", equalTo(1))
                .body("questions[0].text", containsString("fine-tuning"))
                .body("questions[0].answered", equalTo(false))
                .body("questions[0].subQuestions.size()", equalTo(1))
                .body("warnings", hasItem(containsString("Monday")));

        assertThat(revisions.count()).as("no revision stored").isEqualTo(revisionsBefore);
        given().header("Authorization", "Bearer " + token)
                .delete("/v1/learners/{learner}/notes/Daily/2026-03-14.md", learner)
                .then().statusCode(404).body("error", equalTo("unknown note"));
        // The first real save is revision 1, and the only record the learner has on the topic.
        String eventId = put("Daily/2026-03-14.md", note).then().statusCode(202).body("revision", equalTo(1))
                .extract().path("eventId");
        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.NOTES,
                read -> read.stream().anyMatch(r -> r.value().contains(eventId)), Duration.ofSeconds(20));
        assertThat(records).filteredOn(r -> learner.equals(r.key())).hasSize(1)
                .allSatisfy(r -> assertThat(r.value()).contains(eventId));
    }

    @Test
    void parseWithoutAPathOrAsAdminStillResolvesLessonsAndNeedsAToken() throws IOException {
        byte[] note = fixture("2026-03-14.md");
        given().header("Authorization", "Bearer test-admin-token").contentType("text/markdown").body(note)
                .post("/v1/parse").then().statusCode(200)
                .body("tasks[0].lessons", hasItem(java.util.Map.of("course", "fastai-part1-2022", "lesson", 1, "activity", "watch")));
        given().contentType("text/markdown").body(note).post("/v1/parse").then().statusCode(401);
        parse("../escape.md", note, token).then().statusCode(400).body("error", equalTo("invalid note path"));
    }

    @Test
    void parsingInvalidUtf8IsA4xxNamingTheByteOffset() {
        long revisionsBefore = revisions.count();
        byte[] invalidUtf8 = {'#', ' ', 'h', 'i', '\n', (byte) 0xC3, (byte) 0x28};
        parse("Daily/bad.md", invalidUtf8, token).then().statusCode(422)
                .body("error", equalTo("unreadable note"))
                .body("detail", containsString("offset 5"));
        assertThat(revisions.count()).isEqualTo(revisionsBefore);
    }

    private Response parse(String path, byte[] content, String callerToken) {
        return given().header("Authorization", "Bearer " + callerToken)
                .contentType("text/markdown")
                .queryParam("path", path)
                .body(content)
                .post("/v1/parse");
    }

    private Response put(String path, byte[] content) {
        return given().header("Authorization", "Bearer " + token)
                .contentType("text/markdown")
                .body(content)
                .urlEncodingEnabled(false)
                .put("/v1/learners/" + learner + "/notes/" + path);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = NoteResourceTest.class.getResourceAsStream("/notes/" + name)) {
            return in.readAllBytes();
        }
    }
}
