package io.coursetracker.contracts.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coursetracker.contracts.catalog.CatalogLesson;
import io.coursetracker.contracts.catalog.CourseCatalog;
import io.coursetracker.contracts.events.CatalogEvent;
import io.coursetracker.contracts.events.CourseCatalogPublished;
import io.coursetracker.contracts.events.DomainEvent;
import io.coursetracker.contracts.events.LessonCompleted;
import io.coursetracker.contracts.events.LessonReopened;
import io.coursetracker.contracts.events.NoteApplied;
import io.coursetracker.contracts.events.ProgressEvent;
import io.coursetracker.contracts.events.StreakBroken;
import io.coursetracker.contracts.events.StreakExtended;
import io.coursetracker.contracts.events.LearnerEvent;
import io.coursetracker.contracts.events.LearnerRegistered;
import io.coursetracker.contracts.events.LearnerSettingsChanged;
import io.coursetracker.contracts.events.LearnerTokenRotated;
import io.coursetracker.contracts.events.NoteDeleted;
import io.coursetracker.contracts.events.NoteEvent;
import io.coursetracker.contracts.events.NoteRevised;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.contracts.note.Activity;
import io.coursetracker.contracts.note.LessonMention;
import io.coursetracker.contracts.note.Note;
import io.coursetracker.contracts.note.Question;
import io.coursetracker.contracts.note.Section;
import io.coursetracker.contracts.note.SectionCounts;
import io.coursetracker.contracts.note.Task;
import io.coursetracker.contracts.note.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain JUnit, no Quarkus: pins the wire format of every event to its golden file in
 * {@code src/test/resources/golden/}. A change to an event record's shape fails here; the fix is a
 * new golden file and the rules in docs/events.md, never an edit of an existing file.
 */
class GoldenEventsTest {

    private static final String FASTAI = "fastai-part1-2022";
    private static final String LESSON_3_PAGE = "https://course.fast.ai/Lessons/lesson3.html";
    private static final String LESSON_3_NOTEBOOK = "https://www.kaggle.com/code/jhoward/how-does-a-neural-net-really-work";

    private final ObjectMapper mapper = GoldenEvents.mapper();

    /**
     * One golden file, the sealed interface consumers read it as, and the record it must hold.
     * {@code newest} marks the newest file of its event type and version: only that one must also be
     * what the record writes; older additive revisions (docs/events.md, rule 1) must only keep reading.
     */
    record Golden(String file, Class<? extends DomainEvent> readAs, DomainEvent expected, boolean newest) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Golden> goldens() {
        return Stream.of(
                new Golden("NoteRevised.v1.json", NoteEvent.class, noteRevisedV1(), true),
                new Golden("NoteDeleted.v1.json", NoteEvent.class, noteDeletedV1(), true),
                new Golden("LearnerRegistered.v1.json", LearnerEvent.class, learnerRegisteredV1(), true),
                new Golden("NoteApplied.v1.json", ProgressEvent.class, noteAppliedV1(), true),
                new Golden("LessonCompleted.v1.json", ProgressEvent.class, lessonCompletedV1(), true),
                new Golden("LessonReopened.v1.json", ProgressEvent.class, lessonReopenedV1(), true),
                new Golden("StreakExtended.v1.json", ProgressEvent.class, streakExtendedV1(), true),
                new Golden("StreakBroken.v1.json", ProgressEvent.class, streakBrokenV1(), true),
                new Golden("LearnerSettingsChanged.v1.json", LearnerEvent.class, learnerSettingsChangedV1(), true),
                new Golden("LearnerTokenRotated.v1.json", LearnerEvent.class, learnerTokenRotatedV1(), true),
                new Golden("CourseCatalogPublished.v1.json", CatalogEvent.class, courseCatalogPublishedV1(), true));
    }

    static Stream<Golden> newestGoldens() {
        return goldens().filter(Golden::newest);
    }

    static NoteRevised noteRevisedV1() {
        Note note = new Note(
                LocalDate.of(2025, 8, 14),
                true,
                true,
                List.of("fastai", "lesson3", "sgd"),
                List.of(
                        new Task("Watch Lesson 3: Neural net foundations", TaskStatus.DONE, Section.GOALS,
                                List.of(LESSON_3_PAGE),
                                List.of(new LessonMention(FASTAI, 3, Activity.WATCH))),
                        new Task("Rebuild the lesson 3 spreadsheet model in a notebook", TaskStatus.IN_PROGRESS, Section.GOALS,
                                List.of(LESSON_3_NOTEBOOK),
                                List.of(new LessonMention(FASTAI, 3, Activity.NOTEBOOK))),
                        new Task("Answer the Lesson 3 questionnaire", TaskStatus.DEFERRED, Section.GOALS,
                                List.of(),
                                List.of(new LessonMention(FASTAI, 3, Activity.QUESTIONNAIRE)))),
                new SectionCounts(3, 2, 3, 1),
                List.of(new Question("Why optimise a smooth loss when the metric we report is accuracy?", false, List.of(
                        "Would a hinge loss also train the threes-versus-sevens model?",
                        "How small can the learning rate get before the loss stops moving?"))),
                List.of(LESSON_3_PAGE, LESSON_3_NOTEBOOK, "Gradient descent", "https://pytorch.org/docs/stable/autograd.html"),
                List.of("heading says Wednesday but 2025-08-14 is a Thursday"));
        return new NoteRevised(
                UUID.fromString("3f6c2a1e-8b4d-4c7a-9e2f-5d1b0a7c4e93"),
                Instant.parse("2025-08-14T19:42:07.315Z"),
                1,
                "mira-k",
                "daily/2025-08-14.md",
                3,
                "fb9d633d5836bb3f819ab0fcdfca5939732abb9e5bf85e552d0942e56e64065d",
                note);
    }

    static NoteDeleted noteDeletedV1() {
        return new NoteDeleted(
                UUID.fromString("b82e5f04-1c3a-4f9d-8a6e-27c9d0e4f1a5"),
                Instant.parse("2025-08-15T07:03:51Z"),
                1,
                "mira-k",
                "daily/2025-08-13 scratch.md",
                2);
    }

    static LearnerRegistered learnerRegisteredV1() {
        return new LearnerRegistered(
                UUID.fromString("5a0d9c7e-e2b1-4a63-b4f8-9c61d3e7a208"),
                Instant.parse("2025-08-01T09:15:00Z"),
                1,
                "mira-k",
                "Mira Kowalczyk",
                "Europe/Warsaw",
                List.of(FASTAI),
                1,
                "7a255ac73f1581164fb378eed38a8dfbd3a35accb0d699fb26627f54f0a2fddd");
    }

    static NoteApplied noteAppliedV1() {
        return new NoteApplied(UUID.fromString("0c7d2b95-6f41-4e0a-b1d3-8e5a2f9c7b14"), Instant.parse("2025-08-14T19:42:08.102Z"), 1,
                "mira-k", "daily/2025-08-14.md", 3, false, LocalDate.of(2025, 8, 14));
    }

    static LessonCompleted lessonCompletedV1() {
        return new LessonCompleted(UUID.fromString("e4a91f3c-2d7b-4b58-a6c0-71f9d3e2b805"), Instant.parse("2025-08-14T19:42:08.102Z"), 1,
                "mira-k", FASTAI, 3);
    }

    static LessonReopened lessonReopenedV1() {
        return new LessonReopened(UUID.fromString("5b2e8d71-9c4a-4f36-8e1b-d07a6c3f9e22"), Instant.parse("2025-08-15T07:03:52.480Z"), 1,
                "mira-k", FASTAI, 3, 0.75);
    }

    static StreakExtended streakExtendedV1() {
        return new StreakExtended(UUID.fromString("a17c4e28-3b9f-4d05-9a62-f8e1c0b7d349"), Instant.parse("2025-08-14T19:42:08.102Z"), 1,
                "mira-k", LocalDate.of(2025, 8, 14), 6, 11);
    }

    static StreakBroken streakBrokenV1() {
        return new StreakBroken(UUID.fromString("d3f60b1a-7e25-4c8d-b9a4-2c5e8f1d0a67"), Instant.parse("2025-08-15T07:03:52.480Z"), 1,
                "mira-k", LocalDate.of(2025, 8, 15), 7, 0, LocalDate.of(2025, 8, 13));
    }

    static LearnerSettingsChanged learnerSettingsChangedV1() {
        // Mira moves to Lisbon, also follows her team's course and allows two rest days; same token.
        return new LearnerSettingsChanged(
                UUID.fromString("c41f7b2d-09e8-4d5a-a3c6-8e2b71f04d9a"),
                Instant.parse("2025-09-03T18:20:41.207Z"),
                1,
                "mira-k",
                "Mira Kowalczyk",
                "Europe/Lisbon",
                List.of(FASTAI, "ml-guild-vision"),
                2,
                "7a255ac73f1581164fb378eed38a8dfbd3a35accb0d699fb26627f54f0a2fddd");
    }

    static LearnerTokenRotated learnerTokenRotatedV1() {
        // Mira replaces a token she pasted into a chat; her settings stay, the hash is the new token's.
        return new LearnerTokenRotated(
                UUID.fromString("5b8e2f17-c3a4-4f06-9d71-e2a0b6c85f13"),
                Instant.parse("2025-09-10T08:14:03.662Z"),
                1,
                "mira-k",
                "Mira Kowalczyk",
                "Europe/Lisbon",
                List.of(FASTAI, "ml-guild-vision"),
                2,
                "e3b98a4da31a127d4bde6e43033f66ba274cab0eb7eb1c70ec41402bf6273dd8");
    }

    static CourseCatalogPublished courseCatalogPublishedV1() {
        CourseCatalog catalog = new CourseCatalog("ml-guild-vision", "ML Guild: computer vision track", List.of(
                new CatalogLesson(1, "Image classifiers in an afternoon", "https://guild.example.org/vision/session-1",
                        List.of(new CatalogLesson.Chapter(1, "Your Deep Learning Journey", List.of(
                                "https://github.com/fastai/fastbook/blob/master/01_intro.ipynb"))),
                        List.of("https://www.kaggle.com/code/guild/vision-session-1"),
                        List.of("Vision 1", "Session 1")),
                new CatalogLesson(2, "Data augmentation", "https://guild.example.org/vision/session-2",
                        List.of(),
                        List.of(),
                        List.of("Vision 2", "Session 2"))));
        return new CourseCatalogPublished(
                UUID.fromString("e7a90c35-6b21-4f8e-9d47-1a3c5b8f2e60"),
                Instant.parse("2025-09-01T08:00:00Z"),
                1,
                catalog);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void readingTheGoldenFileAsItsSealedInterfaceGivesTheExpectedRecord(Golden golden) throws IOException {
        DomainEvent read = mapper.readValue(GoldenEvents.json(golden.file()), golden.readAs());

        assertThat(read).isExactlyInstanceOf(golden.expected().getClass());
        assertThat(read).usingRecursiveComparison().isEqualTo(golden.expected());
        assertThat(read).isEqualTo(golden.expected());
    }

    @Test
    void theNoteRevisedGoldenFileCarriesEveryPartOfTheNote() throws IOException {
        NoteRevised read = (NoteRevised) mapper.readValue(GoldenEvents.json("NoteRevised.v1"), NoteEvent.class);

        assertThat(read.occurredAt()).isEqualTo(Instant.parse("2025-08-14T19:42:07.315Z"));
        assertThat(read.note().date()).isEqualTo(LocalDate.of(2025, 8, 14));
        assertThat(read.note().tasks()).extracting(Task::status)
                .containsExactly(TaskStatus.DONE, TaskStatus.IN_PROGRESS, TaskStatus.DEFERRED);
        assertThat(read.note().tasks()).flatExtracting(Task::lessons).extracting(LessonMention::activity)
                .containsExactly(Activity.WATCH, Activity.NOTEBOOK, Activity.QUESTIONNAIRE);
        assertThat(read.note().questions()).singleElement()
                .satisfies(question -> assertThat(question.subQuestions()).hasSize(2));
        assertThat(read.note().warnings()).hasSize(1);
    }

    @Test
    void theCatalogInACourseCatalogPublishedGoldenFileIsValidAndInTheCatalogFormat() throws IOException {
        CourseCatalogPublished read = (CourseCatalogPublished) mapper.readValue(
                GoldenEvents.json("CourseCatalogPublished.v1"), CatalogEvent.class);

        assertThat(read.courseId()).isEqualTo("ml-guild-vision");
        assertThat(io.coursetracker.contracts.catalog.CatalogValidator.problems(read.catalog())).isEmpty();
        // The same catalog reads through the strict catalog reader that PUT /v1/courses/{id} uses.
        String catalogJson = mapper.writeValueAsString(GoldenEvents.tree("CourseCatalogPublished.v1").get("catalog"));
        assertThat(io.coursetracker.contracts.catalog.CatalogReader.read(catalogJson)).isEqualTo(read.catalog());
    }

    @Test
    void everyLearnerEventCarriesTheWholeStateSoCompactionLosesNothing() throws IOException {
        // The newest record per learner is all a compacted topic keeps: each type must hold every field.
        java.util.Set<String> registered = fieldNames(GoldenEvents.tree("LearnerRegistered.v1"));
        java.util.Set<String> changed = fieldNames(GoldenEvents.tree("LearnerSettingsChanged.v1"));
        java.util.Set<String> rotated = fieldNames(GoldenEvents.tree("LearnerTokenRotated.v1"));
        registered.remove("type");
        changed.remove("type");
        rotated.remove("type");

        assertThat(changed).isEqualTo(registered);
        assertThat(rotated).isEqualTo(registered);
        LearnerEvent event = mapper.readValue(GoldenEvents.json("LearnerSettingsChanged.v1"), LearnerEvent.class);
        assertThat(event.tokenSha256()).isEqualTo(learnerRegisteredV1().tokenSha256());
    }

    private static java.util.Set<String> fieldNames(JsonNode node) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newestGoldens")
    void writingTheExpectedRecordGivesTheGoldenFile(Golden golden) throws IOException {
        JsonNode goldenTree = GoldenEvents.tree(golden.file());

        // As the concrete record (how producers call writeValueAsString) and as the sealed interface.
        // Written to text and read back, so that a long and an int with the same value compare equal.
        JsonNode asRecord = mapper.readTree(mapper.writeValueAsString(golden.expected()));
        JsonNode asInterface = mapper.readTree(mapper.writerFor(golden.readAs()).writeValueAsString(golden.expected()));

        assertThat(asRecord).isEqualTo(goldenTree);
        assertThat(asInterface).isEqualTo(goldenTree);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void aGoldenFileWithFieldsAddedByANewerProducerStillReads(Golden golden) throws IOException {
        ObjectNode newer = GoldenEvents.tree(golden.file());
        newer.put("traceId", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        newer.putObject("origin").put("service", "some-future-service").put("region", "eu-central");
        if (newer.get("note") instanceof ObjectNode note) {
            note.put("wordCount", 412);
            ((ObjectNode) note.get("tasks").get(0)).put("dueDate", "2025-08-15");
            ((ObjectNode) note.get("tasks").get(0).get("lessons").get(0)).put("minutes", 90);
            ((ObjectNode) note.get("sections")).put("resources", 2);
            ((ObjectNode) note.get("questions").get(0)).put("askedOnForum", true);
        }

        DomainEvent read = mapper.readValue(mapper.writeValueAsString(newer), golden.readAs());

        assertThat(read).isEqualTo(golden.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void theTypeDiscriminatorIsPresentAndNamesTheRecord(Golden golden) throws IOException {
        JsonNode goldenTree = GoldenEvents.tree(golden.file());
        JsonNode written = mapper.readTree(mapper.writeValueAsString(golden.expected()));
        String simpleName = golden.expected().getClass().getSimpleName();

        assertThat(goldenTree.path("type").isTextual()).isTrue();
        assertThat(goldenTree.path("type").asText()).isEqualTo(simpleName);
        assertThat(written.path("type").asText()).isEqualTo(simpleName);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void theFileNameVersionIsTheSchemaVersionInTheFile(Golden golden) throws ReflectiveOperationException {
        String simpleName = golden.expected().getClass().getSimpleName();
        int currentVersion = golden.expected().getClass().getField("SCHEMA_VERSION").getInt(null);

        assertThat(golden.file()).matches(simpleName + "\\.v" + golden.expected().schemaVersion() + "(\\.[1-9][0-9]*)?\\.json");
        assertThat(GoldenEvents.tree(golden.file()).path("schemaVersion").asInt()).isEqualTo(golden.expected().schemaVersion());
        assertThat(golden.expected().schemaVersion()).isBetween(1, currentVersion);
    }

    @Test
    void everyEventTypeHasANewestGoldenFileForItsCurrentSchemaVersion() throws ReflectiveOperationException {
        for (Class<?> sealed : List.of(NoteEvent.class, LearnerEvent.class, ProgressEvent.class, CatalogEvent.class)) {
            for (Class<?> event : sealed.getPermittedSubclasses()) {
                int current = event.getField("SCHEMA_VERSION").getInt(null);

                assertThat(newestGoldens())
                        .as("a golden file that %s version %d writes", event.getSimpleName(), current)
                        .anySatisfy(golden -> {
                            assertThat(golden.expected()).isExactlyInstanceOf(event);
                            assertThat(golden.expected().schemaVersion()).isEqualTo(current);
                        });
            }
        }
    }

    @Test
    void everyGoldenFileOnDiskIsCheckedHere() throws IOException, URISyntaxException {
        URL folder = GoldenEvents.class.getClassLoader().getResource(GoldenEvents.FOLDER);
        assertThat(folder).isNotNull();
        List<String> onDisk;
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            onDisk = files.map(file -> file.getFileName().toString()).sorted().toList();
        }

        assertThat(onDisk).containsExactlyInAnyOrderElementsOf(goldens().map(Golden::file).toList());
    }

    @Test
    void topicNamesFollowDomainWhatMajorVersion() {
        List<String> names = Arrays.stream(Topics.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(GoldenEventsTest::value)
                .toList();

        assertThat(names).containsExactlyInAnyOrder(
                "notes.events.v1", "learners.events.v1", "progress.events.v1", "catalogs.events.v1",
                "notes.events.v1.dlq", "learners.events.v1.dlq", "catalogs.events.v1.dlq");
        assertThat(names).allSatisfy(name ->
                assertThat(name).matches("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.v[1-9][0-9]*(\\.dlq)?"));
        assertThat(Topics.NOTES_DEAD_LETTER).isEqualTo(Topics.NOTES + ".dlq");
        assertThat(Topics.LEARNERS_DEAD_LETTER).isEqualTo(Topics.LEARNERS + ".dlq");
        assertThat(Topics.CATALOGS_DEAD_LETTER).isEqualTo(Topics.CATALOGS + ".dlq");
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
