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
import io.coursetracker.progress.learners.LearnerEventsConsumer;
import io.coursetracker.progress.lessons.LessonMentionRepository;
import io.coursetracker.progress.questions.NoteQuestionRepository;
import io.coursetracker.support.security.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NoteApplier#applyAll} applies a learner's events in memory and writes the batch at the end;
 * that must leave exactly what applying the same events one at a time leaves. Random histories of a
 * few notes (revisions in any order, deletes, a note written again after its delete, redelivered
 * event ids, the same note several times in one batch) are applied to one learner one event at a
 * time and to another in random batches, on the real database; notes, applied-revision counts,
 * mentions, questions, study days and the number of events that changed something must agree.
 * A failure names its seed and case, so it can be replayed.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "progress"))
class BatchApplyEquivalenceTest {
    private static final int CASES = 25;
    private static final List<String> PATHS = List.of("Daily/a.md", "Daily/b.md", "Notes/c.md");
    private static final List<LocalDate> DATES = List.of(LocalDate.parse("2026-04-06"), LocalDate.parse("2026-04-07"),
            LocalDate.parse("2026-04-08"));
    private static final List<String> TASKS = List.of("Watch the Lesson 1 video", "Read the book chapter for Lesson 1",
            "Complete Lesson 2", "Run the Lesson 2 notebook on Kaggle", "Watch [Lesson 3](https://course.fast.ai/Lessons/lesson3.html)",
            "Finish the Lesson 1 questionnaire", "Tidy my notes");
    private static final List<String> QUESTIONS = List.of("What is a loss?", "Why SGD?", "what is a  LOSS?");

    @Inject
    NoteApplier applier;

    @Inject
    LearnerEventsConsumer learnerEvents;

    @Inject
    ObjectMapper json;

    @Inject
    StoredNoteRepository notes;

    @Inject
    LessonMentionRepository mentions;

    @Inject
    NoteQuestionRepository questions;

    @Inject
    EntityManager entityManager;

    /** One event of a generated history, for no learner yet: {@code id} says which ones are redeliveries of each other. */
    private record Step(int id, String path, long revision, Note note) {
    }

    @Test
    void batchesLeaveWhatOneEventAtATimeLeaves() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int run = 0; run < CASES; run++) {
            List<Step> history = history(random);
            String single = register();
            String batched = register();

            int appliedSingly = 0;
            for (NoteEvent event : events(single, history)) {
                appliedSingly += applier.apply(event) ? 1 : 0;
            }
            List<NoteEvent> batchedEvents = events(batched, history);
            int appliedInBatches = 0;
            List<Integer> cuts = new ArrayList<>();
            for (int from = 0; from < batchedEvents.size(); ) {
                int to = Math.min(batchedEvents.size(), from + 1 + random.nextInt(batchedEvents.size()));
                appliedInBatches += applier.applyAll(batched, batchedEvents.subList(from, to));
                cuts.add(to);
                from = to;
            }

            String replay = "seed " + seed + ", case " + run + ", batches ending at " + cuts + ", history " + history;
            assertThat(appliedInBatches).as("events that changed something; %s", replay).isEqualTo(appliedSingly);
            assertThat(everythingStored(batched)).as(replay).isEqualTo(everythingStored(single));
        }
    }

    /** 4 to 14 events on three notes: revisions out of order, deletes, and redeliveries of earlier events. */
    private static List<Step> history(Random random) {
        List<Step> steps = new ArrayList<>();
        int events = 4 + random.nextInt(11);
        for (int i = 0; i < events; i++) {
            if (!steps.isEmpty() && random.nextInt(4) == 0) {
                steps.add(steps.get(random.nextInt(steps.size()))); // redelivered: the same event id again
                continue;
            }
            String path = PATHS.get(random.nextInt(PATHS.size()));
            long revision = 1 + random.nextInt(6);
            steps.add(new Step(i, path, revision, random.nextInt(5) == 0 ? null : note(random, path)));
        }
        return steps;
    }

    private static Note note(Random random, String path) {
        List<Task> tasks = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            tasks.add(new Task(TASKS.get(random.nextInt(TASKS.size())), random.nextBoolean() ? TaskStatus.DONE : TaskStatus.OPEN,
                    Section.GOALS, List.of(), List.of()));
        }
        List<Question> asked = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            asked.add(new Question(QUESTIONS.get(random.nextInt(QUESTIONS.size())), random.nextBoolean(), List.of()));
        }
        LocalDate date = path.startsWith("Daily/") ? DATES.get(random.nextInt(DATES.size())) : null;
        boolean active = tasks.stream().anyMatch(task -> task.status() == TaskStatus.DONE) || !asked.isEmpty();
        return new Note(date, date != null, active, List.of(), tasks, new SectionCounts(tasks.size(), 0, 0, asked.size()), asked,
                List.of(), List.of());
    }

    /** The history as the learner's events: each step id gets its own event id, shared by its redeliveries. */
    private static List<NoteEvent> events(String learner, List<Step> history) {
        Map<Integer, UUID> ids = new HashMap<>();
        List<NoteEvent> events = new ArrayList<>();
        for (Step step : history) {
            UUID id = ids.computeIfAbsent(step.id(), any -> UUID.randomUUID());
            events.add(step.note() == null
                    ? new NoteDeleted(id, Instant.now(), 1, learner, step.path(), step.revision())
                    : new NoteRevised(id, Instant.now(), 1, learner, step.path(), step.revision(), "sha-" + step.revision(), step.note()));
        }
        return events;
    }

    private String register() throws Exception {
        String learner = "equivalence-" + UUID.randomUUID().toString().substring(0, 8);
        learnerEvents.consume(new ConsumerRecord<>(Topics.LEARNERS, 0, 0, learner, json.writeValueAsString(new LearnerRegistered(
                UUID.randomUUID(), Instant.now(), 1, learner, "Equivalence", "UTC", List.of("fastai-part1-2022"), 1,
                Tokens.sha256(Tokens.newToken())))));
        return learner;
    }

    /** Every row the learner's notes left, in a stable order, without the learner's id or timestamps. */
    private List<String> everythingStored(String learner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> rows = new ArrayList<>();
            notes.allNotesOf(learner).forEach(note -> rows.add("note " + note.key.notePath() + " r" + note.revision
                    + (note.deleted ? " deleted" : "") + " date " + note.studyDate + " active " + note.active + " done " + note.tasksDone
                    + " applied " + note.appliedRevisions + " body " + note.body));
            mentions.ofLearner(learner).stream()
                    .map(row -> "mention " + row.notePath + " " + row.courseId + " " + row.lesson + " " + row.activity + " " + row.done)
                    .sorted()
                    .forEach(rows::add);
            questions.askedBy(learner).forEach(question -> rows.add("question " + question));
            entityManager.createNativeQuery(
                            "SELECT study_date || ' notes ' || notes || ' active ' || active_notes || ' done ' || tasks_done FROM study_day WHERE learner_id = ?1 ORDER BY study_date",
                            String.class)
                    .setParameter(1, learner)
                    .getResultList()
                    .forEach(day -> rows.add("day " + day));
            return rows;
        });
    }
}
