package io.coursetracker.progress.catalogs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.catalog.BundledCatalogs;
import io.coursetracker.contracts.catalog.CatalogLesson;
import io.coursetracker.contracts.catalog.CourseCatalog;
import io.coursetracker.contracts.events.CourseCatalogPublished;
import io.coursetracker.contracts.events.LearnerRegistered;
import io.coursetracker.contracts.events.LearnerSettingsChanged;
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
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots progress-service against a real Kafka broker and PostgreSQL and feeds it a team's own course
 * as tracker-api publishes it: the catalog on {@code catalogs.events.v1}, the learner following it
 * through {@code LearnerSettingsChanged}, then a note whose task names the course's lesson by alias.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "progress"))
class CatalogEventsConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    CatalogRepository catalogs;

    TopicClient kafka;
    String course;
    String learner;
    String token;

    @BeforeEach
    void registerLearner() throws Exception {
        kafka = new TopicClient(bootstrapServers);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        course = "guild-" + suffix;
        learner = "guild-learner-" + suffix;
        token = Tokens.newToken();
        kafka.send(Topics.LEARNERS, learner, json.writeValueAsString(new LearnerRegistered(UUID.randomUUID(), Instant.now(),
                1, learner, "Guild Learner", "UTC", List.of("fastai-part1-2022"), 0, Tokens.sha256(token))));
    }

    @AfterEach
    void closeKafka() {
        kafka.close();
    }

    @Test
    void aTeamCourseTheLearnerFollowsShowsInProgressAndAReplacedCatalogRecomputesIt() throws Exception {
        publishCatalog(guildCourse("Guild Session 1", "Guild Session 2"));
        followCourses(List.of("fastai-part1-2022", course));
        publishNote("Daily/2026-04-02.md", 1, "Watched the Guild Session 1 recording");

        JsonPath progress = awaitCourse(c -> c.getBoolean("lessons[0].activities.watch"));
        assertThat(progress.getString("title")).isEqualTo("Guild course");
        assertThat(progress.getString("lessons[0].status")).isEqualTo("in_progress");
        assertThat(progress.getDouble("completion")).isEqualTo(0.0625); // a quarter of one lesson of four
        assertThat(progress.getBoolean("lessons[1].activities.watch")).isFalse();
        assertThat(catalogs.findById(course)).as("kept in progress-service's own table").isNotNull();

        // The admin swaps the two sessions' aliases: the same note now names lesson 2.
        publishCatalog(guildCourse("Guild Session 2", "Guild Session 1"));

        progress = awaitCourse(c -> c.getBoolean("lessons[1].activities.watch"));
        assertThat(progress.getString("lessons[0].status")).isEqualTo("not_started");
        assertThat(progress.getString("lessons[1].status")).isEqualTo("in_progress");
    }

    @Test
    void aReplacedFastaiCatalogIsTheOneProgressUses() throws Exception {
        CourseCatalog bundled = BundledCatalogs.fastaiPart1();
        CatalogLesson lesson1 = bundled.lessons().get(0);
        List<String> aliases = new java.util.ArrayList<>(lesson1.aliases());
        aliases.add("Bird or not");
        List<CatalogLesson> lessons = new java.util.ArrayList<>(bundled.lessons());
        lessons.set(0, new CatalogLesson(1, "Is it a bird?", lesson1.url(), lesson1.chapters(), lesson1.notebooks(), aliases));
        try {
            publishCatalog(new CourseCatalog(bundled.id(), "fast.ai Part 1, team edition", lessons));
            publishNote("Daily/2026-04-06.md", 1, "Watched Bird or not again");

            JsonPath fastai = awaitCourse(bundled.id(), c -> c.getBoolean("lessons[0].activities.watch"));
            assertThat(fastai.getString("title")).isEqualTo("fast.ai Part 1, team edition");
            assertThat(fastai.getString("lessons[0].title")).isEqualTo("Is it a bird?");
        } finally {
            // Other tests in this application expect the bundled catalog: put it back and wait until it is.
            publishCatalog(bundled);
            awaitCourse(bundled.id(), c -> c.getString("title").equals(bundled.title())
                    && c.getString("lessons[0].title").equals("Getting started"));
        }
    }

    @Test
    void aNoteAppliedBeforeTheCatalogArrivesIsResolvedOnceItDoes() throws Exception {
        followCourses(List.of(course));
        publishNote("Daily/2026-04-03.md", 1, "Watched Guild Session 2");
        awaitProgress(p -> p.getList("courses").isEmpty());

        publishCatalog(guildCourse("Guild Session 1", "Guild Session 2"));

        awaitCourse(c -> c.getBoolean("lessons[1].activities.watch"));
    }

    @Test
    void leavingTheCourseDropsItFromProgress() throws Exception {
        publishCatalog(guildCourse("Guild Session 1", "Guild Session 2"));
        followCourses(List.of("fastai-part1-2022", course));
        publishNote("Daily/2026-04-04.md", 1, "Watched Guild Session 1");
        awaitCourse(c -> c.getBoolean("lessons[0].activities.watch"));

        followCourses(List.of("fastai-part1-2022"));

        awaitProgress(p -> p.getList("courses.course").equals(List.of("fastai-part1-2022")));
    }

    @Test
    void anInvalidCatalogGoesToTheDeadLetterTopicAndProcessingGoesOn() throws Exception {
        CourseCatalog valid = guildCourse("Guild Session 1", "Guild Session 2");
        CourseCatalog duplicateLessons = new CourseCatalog(course, "Broken", List.of(valid.lessons().get(0), valid.lessons().get(0)));
        kafka.send(Topics.CATALOGS, course, json.writeValueAsString(
                new CourseCatalogPublished(UUID.randomUUID(), Instant.now(), 1, duplicateLessons)));
        kafka.send(Topics.CATALOGS, course, "{ not a catalog");
        publishCatalog(valid);
        followCourses(List.of(course));
        publishNote("Daily/2026-04-05.md", 1, "Watched Guild Session 1");

        awaitCourse(c -> c.getBoolean("lessons[0].activities.watch"));
        var dead = kafka.readUntil(Topics.CATALOGS_DEAD_LETTER,
                read -> read.stream().filter(r -> course.equals(r.key())).count() == 2, Duration.ofSeconds(20));
        assertThat(dead.stream().filter(r -> course.equals(r.key())))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull());
    }

    private CourseCatalog guildCourse(String lesson1Alias, String lesson2Alias) {
        return new CourseCatalog(course, "Guild course", List.of(
                new CatalogLesson(1, "First session", "https://guild.example.org/" + course + "/1",
                        List.of(), List.of(), List.of(lesson1Alias)),
                new CatalogLesson(2, "Second session", "https://guild.example.org/" + course + "/2",
                        List.of(), List.of(), List.of(lesson2Alias)),
                new CatalogLesson(3, "Third session", "https://guild.example.org/" + course + "/3",
                        List.of(), List.of(), List.of("Guild Session 3")),
                new CatalogLesson(4, "Fourth session", "https://guild.example.org/" + course + "/4",
                        List.of(), List.of(), List.of("Guild Session 4"))));
    }

    private void publishCatalog(CourseCatalog catalog) throws Exception {
        kafka.send(Topics.CATALOGS, catalog.id(), json.writeValueAsString(
                new CourseCatalogPublished(UUID.randomUUID(), Instant.now(), 1, catalog)));
    }

    private void followCourses(List<String> courses) throws Exception {
        kafka.send(Topics.LEARNERS, learner, json.writeValueAsString(new LearnerSettingsChanged(UUID.randomUUID(), Instant.now(),
                1, learner, "Guild Learner", "UTC", courses, 0, Tokens.sha256(token))));
    }

    /** The task's own {@code lessons} are left empty: progress-service resolves mentions itself. */
    private void publishNote(String path, long revision, String taskText) throws Exception {
        Task task = new Task(taskText, TaskStatus.DONE, Section.GOALS, List.of(), List.of());
        Note note = new Note(LocalDate.parse(path.substring(6, 16)), true, true, List.of(), List.of(task),
                new SectionCounts(1, 0, 0, 0), List.of(), List.of(), List.of());
        kafka.send(Topics.NOTES, learner, json.writeValueAsString(
                new NoteRevised(UUID.randomUUID(), Instant.now(), 1, learner, path, revision, "sha-" + revision, note)));
    }

    private JsonPath awaitCourse(Predicate<JsonPath> expected) throws InterruptedException {
        return awaitCourse(course, expected);
    }

    private JsonPath awaitCourse(String id, Predicate<JsonPath> expected) throws InterruptedException {
        JsonPath progress = awaitProgress(p -> p.getList("courses.course").contains(id)
                && expected.test(courseIn(p, id)));
        return courseIn(progress, id);
    }

    private JsonPath courseIn(JsonPath progress, String id) {
        List<Map<String, Object>> courses = progress.getList("courses");
        int index = progress.getList("courses.course").indexOf(id);
        return new JsonPath(toJson(courses.get(index)));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JsonPath awaitProgress(Predicate<JsonPath> expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        JsonPath progress = null;
        while (Instant.now().isBefore(deadline)) {
            progress = given().header("Authorization", "Bearer " + token)
                    .get("/v1/learners/{id}/progress", learner).then().statusCode(200).extract().jsonPath();
            if (expected.test(progress)) {
                return progress;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("progress never reached the expected state; last: " + (progress == null ? null : progress.prettify()));
    }
}
