package io.coursetracker.progress.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerRegistered;
import io.coursetracker.contracts.events.NoteDeleted;
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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots progress-service on a real Kafka broker and PostgreSQL, feeds it a learner's notes as
 * ingest-service would, and reads streak, calendar, questions and dashboard back over HTTP; also
 * reads the progress events it publishes.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "progress"))
class LearnerReadsTest {
    private static final String FINE_TUNING = "How does fine-tuning differ from training from scratch?";
    private static final String VALIDATION_LOSS = "Why does the validation loss rise after epoch three?";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    LearnerSettingsRepository learners;

    TopicClient kafka;
    String learner;
    String token;
    final Map<String, Long> revisions = new java.util.HashMap<>();

    @BeforeEach
    void connect() {
        kafka = new TopicClient(bootstrapServers);
    }

    @AfterEach
    void closeKafka() {
        kafka.close();
    }

    /**
     * Week of 2026-03-02 (Monday) with one rest day per week: Mon, Tue active, Wed an empty
     * template, Thu, Fri active, the weekend empty, Mon 9 active; read as of Tue 10.
     */
    @Test
    void restDaysBackfillAndQuestionsAsALearnerReadsThem() throws Exception {
        register("Europe/Berlin", 1);
        publish(daily("2026-03-02", true, question(FINE_TUNING, false, "Which layers get frozen?")));
        publish(daily("2026-03-03", true, question(VALIDATION_LOSS, false)));
        publish(daily("2026-03-04", false));
        publish(daily("2026-03-05", true, question("how does   fine-tuning differ from training from scratch?", true, "What learning rate works?")));
        publish(daily("2026-03-06", true));
        publish(daily("2026-03-09", true));

        JsonPath streak = awaitRead("/streak?asOf=2026-03-10", read -> "2026-03-09".equals(read.getString("lastActiveDay")));
        // Wed 4 is the week's one rest day; Sat 7 cannot be covered and ends the first run.
        assertThat(streak.getInt("current")).isEqualTo(1);
        assertThat(streak.getInt("longest")).isEqualTo(4);
        assertThat(streak.getString("longestStart")).isEqualTo("2026-03-02");
        assertThat(streak.getString("longestEnd")).isEqualTo("2026-03-06");
        assertThat(streak.getBoolean("activeToday")).isFalse();
        assertThat(streak.getString("asOf")).isEqualTo("2026-03-10");

        List<String> states = read("/calendar?from=2026-03-02&to=2026-03-10&asOf=2026-03-10").getList("state");
        assertThat(states).containsExactly("active", "active", "rest", "active", "active", "no_note", "no_note", "active", "no_note");

        JsonPath openQuestions = read("/questions?status=open");
        assertThat(openQuestions.getList("text")).containsExactly(VALIDATION_LOSS);
        assertThat(openQuestions.getString("[0].date")).isEqualTo("2026-03-03");
        JsonPath all = read("/questions");
        assertThat(all.getList("text")).containsExactly(FINE_TUNING, VALIDATION_LOSS);
        assertThat(all.getString("[0].notePath")).isEqualTo("Daily/2026-03-02.md");
        assertThat(all.getBoolean("[0].answered")).isTrue();
        assertThat(all.getList("[0].subQuestions")).containsExactly("Which layers get frozen?", "What learning rate works?");

        // Backfill the weekend: one run from Mon 2 to Mon 9, Wed 4 still its rest day.
        publish(daily("2026-03-07", true));
        publish(daily("2026-03-08", true));
        streak = awaitRead("/streak?asOf=2026-03-10", read -> read.getInt("current") == 7);
        assertThat(streak.getInt("longest")).isEqualTo(7);
        assertThat(streak.getString("longestStart")).isEqualTo("2026-03-02");
        assertThat(streak.getString("longestEnd")).isEqualTo("2026-03-09");

        // Deleting Thursday leaves two missed days in week 10: the run breaks on the second one.
        publish(new NoteDeleted(UUID.randomUUID(), Instant.now(), 1, learner, "Daily/2026-03-05.md", nextRevision("Daily/2026-03-05.md")));
        streak = awaitRead("/streak?asOf=2026-03-10", read -> read.getInt("current") == 4);
        assertThat(streak.getInt("longest")).isEqualTo(4);
        assertThat(streak.getString("longestStart")).isEqualTo("2026-03-06");
        assertThat(read("/questions").getList("[0].subQuestions")).containsExactly("Which layers get frozen?");
        assertThat(read("/questions").getBoolean("[0].answered")).isFalse();

        // A note dated after asOf changes nothing as of that day.
        publish(daily("2026-03-12", true));
        awaitRead("/calendar?from=2026-03-12&to=2026-03-12", read -> "active".equals(read.getString("[0].state")));
        assertThat(read("/streak?asOf=2026-03-10").getInt("current")).isEqualTo(4);

        JsonPath dashboard = read("/dashboard?asOf=2026-03-10");
        assertThat(dashboard.getString("learner")).isEqualTo(learner);
        assertThat(dashboard.getInt("streak.current")).isEqualTo(4);
        assertThat(dashboard.getList("calendar")).hasSize(30);
        assertThat(dashboard.getString("calendar[29].date")).isEqualTo("2026-03-10");
        assertThat(dashboard.getList("questions.text")).containsExactly(FINE_TUNING, VALIDATION_LOSS);
        assertThat(dashboard.getString("progress.courses[0].course")).isEqualTo("fastai-part1-2022");
    }

    @Test
    void datesThatAreNotDatesAndRangesThatAreTooLongAreRefused() throws Exception {
        register("UTC", 0);
        for (String query : List.of("/streak?asOf=yesterday", "/calendar?from=2026-02-30", "/dashboard?asOf=2026-13-01",
                "/calendar?from=2025-01-01&to=2026-03-01", "/calendar?from=2026-03-02&to=2026-03-01", "/questions?status=maybe")) {
            JsonPath error = given().header("Authorization", "Bearer " + token).get("/v1/learners/" + learner + query)
                    .then().statusCode(400).extract().jsonPath();
            assertThat(error.getString("error")).as(query).isNotBlank();
            assertThat(error.getString("detail")).as(query).isNotBlank();
        }
    }

    /**
     * Issue 16, case 4: a date LocalDate can hold but no learner means (year ±999999999, year 0,
     * five digits) or no date at all, in every date parameter of every read: a 400 naming the
     * parameter and the window, never a 500 (the DateTimeException tracker-api answered 503), and
     * the learner's ordinary reads right after are unchanged.
     */
    @Test
    void extremeAndGarbageDatesAreA400NamingTheParameterAndReadsAfterStillWork() throws Exception {
        register("UTC", 0);
        publish(daily("2026-03-09", true));
        awaitRead("/streak?asOf=2026-03-10", read -> "2026-03-09".equals(read.getString("lastActiveDay")));

        for (String value : List.of("-999999999-01-01", "+999999999-12-31", "0000-01-01", "+10000-01-01", "not-a-date")) {
            for (String[] read : List.of(new String[] {"/dashboard", "asOf"}, new String[] {"/streak", "asOf"},
                    new String[] {"/calendar", "asOf"}, new String[] {"/calendar", "to"}, new String[] {"/calendar", "from"})) {
                JsonPath error = given().header("Authorization", "Bearer " + token).queryParam(read[1], value)
                        .get("/v1/learners/" + learner + read[0])
                        .then().statusCode(400).extract().jsonPath();
                assertThat(error.getString("error")).as(read[0] + " " + read[1] + "=" + value).isEqualTo("invalid date");
                assertThat(error.getString("detail")).as(read[0] + " " + read[1] + "=" + value)
                        .startsWith(read[1] + " must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31")
                        .contains(value);
            }
        }
        for (String asOf : List.of("-999999999-01-01", "+999999999-12-31", "garbage")) {
            given().header("Authorization", "Bearer test-admin-token").contentType("application/json")
                    .body("{\"learners\":[\"" + learner + "\"],\"course\":\"fastai-part1-2022\",\"asOf\":\"" + asOf + "\",\"days\":30}")
                    .post("/v1/summaries").then().statusCode(400)
                    .body("error", org.hamcrest.Matchers.equalTo("invalid date"))
                    .body("detail", org.hamcrest.Matchers.startsWith("asOf must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31"));
        }

        // The window's ends are days like any other, and the ordinary reads are as before.
        assertThat(read("/dashboard?asOf=9999-12-31").getList("calendar")).hasSize(30);
        assertThat(read("/calendar?from=1900-01-01&to=1900-01-31").getList("date")).hasSize(31);
        assertThat(read("/streak?asOf=2026-03-10").getString("lastActiveDay")).isEqualTo("2026-03-09");
        assertThat(read("/calendar?asOf=2026-03-10").getString("[28].state")).isEqualTo("active");
        assertThat(read("/dashboard?asOf=2026-03-10").getInt("streak.longest")).isEqualTo(1);
        given().header("Authorization", "Bearer test-admin-token").contentType("application/json")
                .body("{\"learners\":[\"" + learner + "\"],\"course\":\"fastai-part1-2022\",\"asOf\":\"2026-03-10\",\"days\":30}")
                .post("/v1/summaries").then().statusCode(200)
                .body("learners[0].lastActiveDay", org.hamcrest.Matchers.equalTo("2026-03-09"));
    }

    @Test
    void everyReadIsOnlyForTheLearnerAndTheAdmin() throws Exception {
        register("UTC", 0);
        for (String read : List.of("/streak", "/calendar", "/questions", "/dashboard")) {
            given().get("/v1/learners/{id}" + read, learner).then().statusCode(401);
            given().header("Authorization", "Bearer " + Tokens.newToken()).get("/v1/learners/{id}" + read, learner).then().statusCode(401);
            given().header("Authorization", "Bearer " + token).get("/v1/learners/{id}" + read, "someone-else").then().statusCode(403);
            given().header("Authorization", "Bearer test-admin-token").get("/v1/learners/{id}" + read, learner).then().statusCode(200);
        }
    }

    /** Today in the learner's zone: streak events are about the learner's real today. */
    @Test
    void completingAndUndoingALessonAndAStreakArePublished() throws Exception {
        register("Pacific/Auckland", 0);
        LocalDate today = LocalDate.now(ZoneId.of("Pacific/Auckland"));
        Task completeLesson2 = new Task("Complete [[Lesson 2]]", TaskStatus.DONE, Section.GOALS, List.of("Lesson 2"), List.of());
        publish(daily(today.minusDays(1).toString(), true));
        publish(note(today.toString(), true, List.of(completeLesson2), List.of()));
        publish(new NoteDeleted(UUID.randomUUID(), Instant.now(), 1, learner, "Daily/" + today + ".md", nextRevision("Daily/" + today + ".md")));

        List<JsonNode> events = awaitProgressEvents(read -> read.stream().anyMatch(e -> "LessonReopened".equals(e.path("type").asText())));
        List<String> types = events.stream().map(e -> e.path("type").asText()).filter(type -> !"NoteApplied".equals(type)).toList();
        assertThat(types).containsExactly("StreakExtended", "LessonCompleted", "StreakExtended", "LessonReopened", "StreakBroken");
        assertThat(events).filteredOn(e -> "StreakExtended".equals(e.path("type").asText()))
                .extracting(e -> e.path("current").asInt()).containsExactly(1, 2);
        JsonNode completed = events.stream().filter(e -> "LessonCompleted".equals(e.path("type").asText())).findFirst().orElseThrow();
        assertThat(completed.path("course").asText()).isEqualTo("fastai-part1-2022");
        assertThat(completed.path("lesson").asInt()).isEqualTo(2);
        JsonNode broken = events.get(events.size() - 1);
        assertThat(broken.path("previous").asInt()).isEqualTo(2);
        assertThat(broken.path("current").asInt()).isEqualTo(1);
        assertThat(events).filteredOn(e -> "NoteApplied".equals(e.path("type").asText())).hasSize(3);
        assertThat(events).allSatisfy(e -> assertThat(e.path("schemaVersion").asInt()).isEqualTo(1));
    }

    private void register(String zone, int restDaysPerWeek) throws Exception {
        learner = "reader-" + UUID.randomUUID().toString().substring(0, 8);
        token = Tokens.newToken();
        kafka.send(Topics.LEARNERS, learner, json.writeValueAsString(new LearnerRegistered(UUID.randomUUID(), Instant.now(),
                1, learner, "Reading Learner", zone, List.of("fastai-part1-2022"), restDaysPerWeek, Tokens.sha256(token))));
        // The learners and notes topics are read independently: streak events use the learner's zone.
        Instant deadline = Instant.now().plusSeconds(20);
        while (learners.findByIdOptional(learner).isEmpty()) {
            assertThat(Instant.now()).as("%s known to progress-service in time", learner).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static Question question(String text, boolean answered, String... subQuestions) {
        return new Question(text, answered, List.of(subQuestions));
    }

    /** A daily note: active ones have one checked task, inactive ones are an empty template. */
    private NoteRevised daily(String date, boolean active, Question... questions) {
        Task task = new Task("Review yesterday's notebook", active ? TaskStatus.DONE : TaskStatus.OPEN, Section.GOALS, List.of(), List.of());
        return note(date, active, List.of(task), List.of(questions));
    }

    private NoteRevised note(String date, boolean active, List<Task> tasks, List<Question> questions) {
        String path = "Daily/" + date + ".md";
        Note note = new Note(LocalDate.parse(date), true, active, List.of(), tasks,
                new SectionCounts(tasks.size(), 0, 0, questions.size()), questions, List.of(), List.of());
        return new NoteRevised(UUID.randomUUID(), Instant.now(), 1, learner, path, nextRevision(path), "sha-" + UUID.randomUUID(), note);
    }

    private long nextRevision(String path) {
        return revisions.merge(learner + "/" + path, 1L, Long::sum);
    }

    private void publish(Object event) throws Exception {
        kafka.send(Topics.NOTES, learner, json.writeValueAsString(event));
    }

    private JsonPath read(String path) {
        return given().header("Authorization", "Bearer " + token).get("/v1/learners/" + learner + path)
                .then().statusCode(200).extract().jsonPath();
    }

    private JsonPath awaitRead(String path, Predicate<JsonPath> expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        JsonPath last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read(path);
            if (expected.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " never reached the expected state; last: " + (last == null ? null : last.prettify()));
    }

    private List<JsonNode> awaitProgressEvents(Predicate<List<JsonNode>> done) {
        List<JsonNode> mine = new ArrayList<>();
        kafka.readUntil(Topics.PROGRESS, records -> {
            mine.clear();
            for (ConsumerRecord<String, String> record : records) {
                if (learner.equals(record.key())) {
                    mine.add(readTree(record.value()));
                }
            }
            return done.test(mine);
        }, Duration.ofSeconds(20));
        return mine;
    }

    private JsonNode readTree(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new AssertionError("not JSON on the progress topic: " + value, e);
        }
    }
}
