package io.coursetracker.progress.reads;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.coursetracker.contracts.events.LearnerRegistered;
import io.coursetracker.contracts.events.LearnerSettingsChanged;
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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard and team summaries are served from {@link ReadCache} while the learner's
 * read_version stamp stays put; these tests change each thing they are computed from and expect
 * the next read to show it. The cache has no expiry by time, so a missed invalidation would show
 * the old answer for good, and the awaits below would fail.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "progress"))
class CachedReadsTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tracker.admin-token")
    String adminToken;

    @Inject
    ObjectMapper json;

    @Inject
    LearnerSettingsRepository learners;

    @Inject
    ReadVersions versions;

    @Inject
    AgroalDataSource dataSource;

    TopicClient kafka;
    String learner;
    String token;
    final Map<String, Long> revisions = new HashMap<>();

    @BeforeEach
    void connect() {
        kafka = new TopicClient(bootstrapServers);
    }

    @AfterEach
    void closeKafka() {
        kafka.close();
    }

    @Test
    void theDashboardAndSummariesShowEveryNoteAndSettingsChange() throws Exception {
        register(0);
        publish(daily("2026-03-02", "What is a learning rate?"));
        JsonPath first = awaitDashboard(d -> "2026-03-02".equals(d.getString("streak.lastActiveDay")));
        assertThat(dashboard().prettify()).as("a second read, from the cache").isEqualTo(first.prettify());
        assertThat(summary().getString("lastActiveDay")).isEqualTo("2026-03-02");

        // A new note: study days and questions change.
        publish(daily("2026-03-03", "Why freeze the body first?"));
        JsonPath second = awaitDashboard(d -> "2026-03-03".equals(d.getString("streak.lastActiveDay")));
        assertThat(second.getInt("streak.current")).isEqualTo(2);
        assertThat(second.getList("questions.text")).containsExactly("What is a learning rate?", "Why freeze the body first?");
        awaitSummary(s -> s.getInt("current") == 2);

        // Settings: rest days (streak) and courses (progress) come from the learner table.
        kafka.send(Topics.LEARNERS, learner, json.writeValueAsString(new LearnerSettingsChanged(UUID.randomUUID(), Instant.now(), 1,
                learner, "Cached Reader", "UTC", List.of(), 2, Tokens.sha256(token))));
        JsonPath settled = awaitDashboard(d -> d.getInt("streak.restDaysPerWeek") == 2);
        assertThat(settled.getList("progress.courses")).isEmpty();

        // A delete: the day and its question go.
        publish(new NoteDeleted(UUID.randomUUID(), Instant.now(), 1, learner, "Daily/2026-03-03.md", nextRevision("Daily/2026-03-03.md")));
        JsonPath deleted = awaitDashboard(d -> "2026-03-02".equals(d.getString("streak.lastActiveDay")));
        assertThat(deleted.getList("questions.text")).containsExactly("What is a learning rate?");
        awaitSummary(s -> s.getInt("current") == 1);
    }

    /**
     * The dashboard's ETag (what tracker-api asks with): 304 and no body while the stamp stays put,
     * a 200 with the new body and a new tag once a note has been applied.
     */
    @Test
    void theDashboardIsConfirmedWith304UntilANoteMovesItsETag() throws Exception {
        register(0);
        publish(daily("2026-03-02", "What is a learning rate?"));
        awaitDashboard(d -> "2026-03-02".equals(d.getString("streak.lastActiveDay")));
        io.restassured.response.Response first = dashboardIfNoneMatch(null);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");

        io.restassured.response.Response again = dashboardIfNoneMatch(etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.asByteArray()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(dashboardIfNoneMatch("W/" + etag + ", \"other\"").statusCode()).as("weak comparison, in a list").isEqualTo(304);
        assertThat(dashboardIfNoneMatch("\"other\"").statusCode()).isEqualTo(200);
        // Another day is another body, so another tag.
        io.restassured.response.Response otherDay = given().header("Authorization", "Bearer " + token).header("If-None-Match", etag)
                .get("/v1/learners/" + learner + "/dashboard?asOf=2026-03-05");
        assertThat(otherDay.statusCode()).isEqualTo(200);
        assertThat(otherDay.header("ETag")).isNotEqualTo(etag);

        // A note is applied: asked with the old tag, the new body comes back whole, with a new tag.
        publish(daily("2026-03-03", "Why freeze the body first?"));
        io.restassured.response.Response[] changed = new io.restassured.response.Response[1];
        awaitTrue(() -> (changed[0] = dashboardIfNoneMatch(etag)).statusCode() != 304, "the note to move the ETag");
        assertThat(changed[0].statusCode()).isEqualTo(200);
        assertThat(changed[0].jsonPath().getString("streak.lastActiveDay")).isEqualTo("2026-03-03");
        String moved = changed[0].header("ETag");
        assertThat(moved).isNotEqualTo(etag);
        assertThat(dashboardIfNoneMatch(moved).statusCode()).isEqualTo(304);
    }

    private io.restassured.response.Response dashboardIfNoneMatch(String ifNoneMatch) {
        io.restassured.specification.RequestSpecification request = given().header("Authorization", "Bearer " + token);
        if (ifNoneMatch != null) {
            request = request.header("If-None-Match", ifNoneMatch);
        }
        return request.get("/v1/learners/" + learner + "/dashboard?asOf=2026-03-04");
    }

    /** Every table a read comes from moves the stamp, whoever writes it: here plain SQL, as another replica might. */
    @Test
    void everyWriteToWhatReadsComeFromMovesTheStamp() throws Exception {
        String id = "stamp-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "stamp-other-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> statements = List.of(
                "INSERT INTO learner (learner_id, timezone, courses, rest_days_per_week, updated_at) VALUES ('%s', 'UTC', '[]', 0, now())",
                "UPDATE learner SET rest_days_per_week = 1 WHERE learner_id = '%s'",
                "INSERT INTO note (learner_id, note_path, revision, deleted, study_date, active, tasks_done, applied_at) "
                        + "VALUES ('%s', 'a.md', 1, false, DATE '2026-03-02', true, 1, now())",
                "UPDATE note SET revision = 2 WHERE learner_id = '%s'",
                "INSERT INTO study_day (learner_id, study_date, notes, active_notes, tasks_done) VALUES ('%s', DATE '2026-03-02', 1, 1, 1)",
                "UPDATE study_day SET tasks_done = 2 WHERE learner_id = '%s'",
                "DELETE FROM study_day WHERE learner_id = '%s'",
                "INSERT INTO lesson_mention (learner_id, note_path, course_id, lesson, activity, done) VALUES ('%s', 'a.md', 'c', 1, 'watch', true)",
                "UPDATE lesson_mention SET done = false WHERE learner_id = '%s'",
                "DELETE FROM lesson_mention WHERE learner_id = '%s'",
                "INSERT INTO note_question (learner_id, note_path, position, study_date, text, answered, sub_questions) "
                        + "VALUES ('%s', 'a.md', 0, DATE '2026-03-02', 'Why?', false, '[]')",
                "UPDATE note_question SET answered = true WHERE learner_id = '%s'",
                "DELETE FROM note_question WHERE learner_id = '%s'",
                "DELETE FROM note WHERE learner_id = '%s'",
                "DELETE FROM learner WHERE learner_id = '%s'");
        for (String statement : statements) {
            ReadVersions.Stamp before = versions.of(id);
            ReadVersions.Stamp otherBefore = versions.of(other);
            execute(String.format(statement, id));
            assertThat(versions.of(id).learner()).as(statement).isGreaterThan(before.learner());
            assertThat(versions.of(other)).as("another learner's stamp after " + statement).isEqualTo(otherBefore);
        }
        // A catalog moves every learner's stamp: progress is resolved against it.
        ReadVersions.Stamp before = versions.of(other);
        execute("INSERT INTO course_catalog (course_id, body, event_id, updated_at) VALUES ('stamp-course-" + UUID.randomUUID()
                + "', '{}', gen_random_uuid(), now())");
        assertThat(versions.of(other).catalogs()).isGreaterThan(before.catalogs());
        // A statement that changes nothing of a learner leaves their stamp alone.
        before = versions.of(id);
        execute("UPDATE note SET revision = 3 WHERE learner_id = 'nobody'");
        assertThat(versions.of(id)).isEqualTo(before);
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private void register(int restDaysPerWeek) throws Exception {
        learner = "cached-" + UUID.randomUUID().toString().substring(0, 8);
        token = Tokens.newToken();
        kafka.send(Topics.LEARNERS, learner, json.writeValueAsString(new LearnerRegistered(UUID.randomUUID(), Instant.now(),
                1, learner, "Cached Reader", "UTC", List.of("fastai-part1-2022"), restDaysPerWeek, Tokens.sha256(token))));
        awaitTrue(() -> learners.findByIdOptional(learner).isPresent(), learner + " known to progress-service");
    }

    private NoteRevised daily(String date, String question) {
        String path = "Daily/" + date + ".md";
        Task task = new Task("Review yesterday's notebook", TaskStatus.DONE, Section.GOALS, List.of(), List.of());
        Note note = new Note(LocalDate.parse(date), true, true, List.of(), List.of(task), new SectionCounts(1, 0, 0, 1),
                List.of(new Question(question, false, List.of())), List.of(), List.of());
        return new NoteRevised(UUID.randomUUID(), Instant.now(), 1, learner, path, nextRevision(path), "sha-" + UUID.randomUUID(), note);
    }

    private long nextRevision(String path) {
        return revisions.merge(path, 1L, Long::sum);
    }

    private void publish(Object event) throws Exception {
        kafka.send(Topics.NOTES, learner, json.writeValueAsString(event));
    }

    private JsonPath dashboard() {
        return given().header("Authorization", "Bearer " + token).get("/v1/learners/" + learner + "/dashboard?asOf=2026-03-04")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    /** This learner's summary in the team read, as of the same day. */
    private JsonPath summary() {
        JsonPath all = given().header("Authorization", "Bearer " + adminToken).contentType(ContentType.JSON)
                .body("{\"learners\":[\"" + learner + "\"],\"course\":\"fastai-part1-2022\",\"asOf\":\"2026-03-04\",\"days\":30}")
                .post("/v1/summaries").then().statusCode(200).extract().jsonPath();
        return new JsonPath(all.prettify()).setRootPath("learners[0]");
    }

    private JsonPath awaitDashboard(Predicate<JsonPath> expected) throws InterruptedException {
        JsonPath[] last = new JsonPath[1];
        awaitTrue(() -> expected.test(last[0] = dashboard()), () -> "the dashboard to show the change; what the database has: "
                + learners.findByIdOptional(learner).map(s -> "rest days " + s.restDaysPerWeek + ", courses " + s.courses).orElse("no learner row")
                + ", stamp " + versions.of(learner) + "; last dashboard " + (last[0] == null ? null : last[0].prettify()));
        return last[0];
    }

    private void awaitSummary(Predicate<JsonPath> expected) throws InterruptedException {
        awaitTrue(() -> expected.test(summary()), "the summary to show the change");
    }

    private static void awaitTrue(Supplier<Boolean> condition, String what) throws InterruptedException {
        awaitTrue(condition, () -> what);
    }

    /** {@code what} is asked only on a timeout: it may say what state things were left in. */
    private static void awaitTrue(Supplier<Boolean> condition, Supplier<String> what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.get()) {
            if (!Instant.now().isBefore(deadline)) {
                throw new AssertionError("waited 20 s for " + what.get());
            }
            Thread.sleep(50);
        }
    }
}
