package io.coursetracker.progress.notes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.catalog.LessonMentionResolver;
import io.coursetracker.contracts.events.NoteDeleted;
import io.coursetracker.contracts.events.NoteEvent;
import io.coursetracker.contracts.events.NoteRevised;
import io.coursetracker.contracts.note.LessonMention;
import io.coursetracker.contracts.note.Note;
import io.coursetracker.contracts.note.Task;
import io.coursetracker.contracts.note.TaskStatus;
import io.coursetracker.progress.changes.ProgressChangeRecorder;
import io.coursetracker.progress.catalogs.CatalogRepository;
import io.coursetracker.progress.learners.LearnerErasures;
import io.coursetracker.progress.learners.LearnerLocks;
import io.coursetracker.progress.learners.LearnerSettingsRepository;
import io.coursetracker.progress.questions.NoteQuestionRepository;
import io.coursetracker.progress.streaks.StudyDayRepository;
import io.coursetracker.progress.lessons.LessonMentionRepository;
import io.coursetracker.progress.lessons.ActivityMention;
import io.coursetracker.progress.lessons.LessonMentionRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies note events idempotently: an event id seen before, or a revision not newer than the one
 * stored, changes nothing. Lesson mentions are resolved here against the courses the learner
 * follows now, so a change of courses can be applied by resolving again.
 */
@ApplicationScoped
public class NoteApplier {
    private static final Logger LOG = Logger.getLogger(NoteApplier.class);

    private final StoredNoteRepository notes;
    private final LessonMentionRepository mentions;
    private final ProcessedEventRepository processed;
    private final LearnerSettingsRepository learners;
    private final CatalogRepository catalogs;
    private final LearnerLocks locks;
    private final ObjectMapper json;
    private final StudyDayRepository studyDays;
    private final NoteQuestionRepository questions;
    private final ProgressChangeRecorder changes;
    private final LearnerErasures erasures;
    private final EntityManager entityManager;

    public NoteApplier(StoredNoteRepository notes, LessonMentionRepository mentions, ProcessedEventRepository processed,
                       LearnerSettingsRepository learners, CatalogRepository catalogs, LearnerLocks locks, ObjectMapper json,
                       StudyDayRepository studyDays, NoteQuestionRepository questions, ProgressChangeRecorder changes,
                       LearnerErasures erasures, EntityManager entityManager) {
        this.erasures = erasures;
        this.entityManager = entityManager;
        this.notes = notes;
        this.mentions = mentions;
        this.processed = processed;
        this.learners = learners;
        this.catalogs = catalogs;
        this.locks = locks;
        this.json = json;
        this.studyDays = studyDays;
        this.questions = questions;
        this.changes = changes;
    }

    /** Returns whether the event changed anything. */
    @Transactional
    public boolean apply(NoteEvent event) {
        return applyAll(event.learnerId(), List.of(event)) == 1;
    }

    /**
     * Applies one learner's events, in their order, in one transaction: one learner lock, one read
     * of their courses, one recomputation of the touched study days, lessons and streak for all of
     * them. Each event on its own is applied exactly as if it came alone (duplicate ids and revisions
     * not newer than the stored one change nothing, and every applied one gets its NoteApplied);
     * lesson and streak events say what the whole batch changed. Returns how many events changed
     * something.
     *
     * <p>The database sees the batch, not its events: one statement records the event ids, one locks
     * the notes they name, the events are then applied in order to those notes in memory, and what the
     * last applied revision of each note says is written at the end (one delete each for its mentions
     * and questions, the new rows in JDBC batches, one flush).
     */
    @Transactional
    public int applyAll(String learnerId, List<NoteEvent> events) {
        locks.learner(learnerId);
        if (erasures.isErased(learnerId)) {
            // Still in ingest's outbox or on the topic when the learner was erased: nothing may come back.
            LOG.debugf("%d events of erased learner %s ignored", events.size(), learnerId);
            return 0;
        }
        for (NoteEvent event : events) {
            if (!event.learnerId().equals(learnerId)) {
                throw new IllegalArgumentException("event " + event.eventId() + " is not " + learnerId + "'s");
            }
        }
        Batch batch = new Batch(learnerId,
                mentions.ofNotes(learnerId, events.stream().map(NoteEvent::notePath).collect(Collectors.toSet())));
        Set<UUID> firstTime = new HashSet<>(processed.firstTimes(events.stream().map(NoteEvent::eventId).toList()));
        Map<String, StoredNote> stored = notes.lockAll(learnerId,
                events.stream().filter(event -> firstTime.contains(event.eventId())).map(NoteEvent::notePath).collect(Collectors.toSet()));
        int applied = 0;
        for (NoteEvent event : events) {
            // remove: a second occurrence of an id in the batch is a duplicate of the first.
            if (!firstTime.remove(event.eventId())) {
                LOG.debugf("duplicate event %s ignored", event.eventId());
            } else if (applyOne(event, stored, batch)) {
                applied++;
            }
        }
        if (applied > 0) {
            write(batch);
            // Queued once the session is empty again, in the order the events were applied: whatever the
            // outbox runs per message then has no managed row to dirty-check.
            batch.applied.forEach(note -> changes.noteApplied(note.event(), note.newDate(), note.deleted()));
            // study_day is untouched until here, so it still says which days were active before the batch.
            Map<LocalDate, Boolean> activeBefore = changes.activeDays(learnerId, batch.days);
            studyDays.refresh(learnerId, batch.days);
            changes.changed(new ProgressChangeRecorder.Before(learnerId, batch.mentionsBefore, List.copyOf(batch.days), activeBefore));
        }
        return applied;
    }

    /** What a batch of one learner's events touched, and what was there before it. */
    private final class Batch {
        final String learnerId;
        /** The mentions of every note the batch names, as they were before it. */
        final Map<String, List<ActivityMention>> mentionsBefore;
        final Set<LocalDate> days = new LinkedHashSet<>();
        /** The notes the batch created: persisted when it is written. */
        final List<StoredNote> created = new ArrayList<>();
        /** Each changed note's last applied revision, by path: null for a delete. Only this one is resolved and written. */
        final Map<String, Note> latest = new LinkedHashMap<>();
        /** What each applied event's NoteApplied says, in order. */
        final List<AppliedEvent> applied = new ArrayList<>();

        Batch(String learnerId, Map<String, List<ActivityMention>> mentionsBefore) {
            this.learnerId = learnerId;
            this.mentionsBefore = mentionsBefore;
        }
    }

    private record AppliedEvent(NoteEvent event, LocalDate newDate, boolean deleted) {
    }

    /** Applies one first-seen event of the batch to the locked notes in memory; returns whether it changed anything. */
    private boolean applyOne(NoteEvent event, Map<String, StoredNote> stored, Batch batch) {
        StoredNote existing = stored.get(event.notePath());
        if (existing != null && existing.revision >= event.revision()) {
            LOG.debugf("revision %s of %s is not newer than %s; ignored", (Object) event.revision(), event.notePath(), (Object) existing.revision);
            return false;
        }
        LocalDate oldDate = existing == null ? null : existing.studyDate;
        LocalDate newDate = event instanceof NoteRevised revisedNote ? revisedNote.note().date() : null;
        StoredNote note = existing;
        if (note == null) {
            note = new StoredNote();
            note.key = new StoredNote.Key(event.learnerId(), event.notePath());
            stored.put(event.notePath(), note);
            batch.created.add(note);
        }
        // This revision is applied: the note moves to it, and counts it.
        note.revision = event.revision();
        note.appliedAt = Instant.now();
        note.appliedRevisions++;
        if (event instanceof NoteRevised revised) {
            fill(note, revised.note());
            batch.latest.put(event.notePath(), revised.note());
        } else if (event instanceof NoteDeleted) {
            note.deleted = true;
            note.body = null;
            note.studyDate = null;
            note.active = false;
            note.tasksDone = 0;
            batch.latest.put(event.notePath(), null);
        }
        if (oldDate != null) {
            batch.days.add(oldDate);
        }
        if (newDate != null) {
            batch.days.add(newDate);
        }
        batch.applied.add(new AppliedEvent(event, newDate, note.deleted));
        return true;
    }

    /**
     * Writes the batch's notes, and the mentions and questions of each note's last applied revision.
     * Flushed once, then the session is let go: the reads that follow flush before they run, and a
     * flush dirty-checks every managed row.
     */
    private void write(Batch batch) {
        // The learner's courses and catalogs are read only when a revision is written: deletes need none.
        Function<Task, List<LessonMention>> resolve = batch.latest.values().stream().anyMatch(Objects::nonNull)
                ? memoized(resolverFor(batch.learnerId)) : task -> List.of();
        List<LessonMentionRow> mentionRows = new ArrayList<>();
        Map<String, NoteQuestionRepository.NoteQuestions> questionRows = new LinkedHashMap<>();
        batch.latest.forEach((path, note) -> {
            if (note == null) {
                questionRows.put(path, NoteQuestionRepository.NoteQuestions.NONE);
            } else {
                mentionRows.addAll(mentionRows(batch.learnerId, path, note, resolve));
                questionRows.put(path, new NoteQuestionRepository.NoteQuestions(note.date(), note.questions()));
            }
        });
        notes.persist(batch.created);
        mentions.replaceForNotes(batch.learnerId, batch.latest.keySet(), mentionRows);
        questions.replaceForNotes(batch.learnerId, questionRows);
        entityManager.flush();
        entityManager.clear();
    }

    /**
     * Resolves every live note of the learner again, after the learner's courses or one of their
     * catalogs changed. Holds the learner's lock, so a note applied meanwhile is resolved after this,
     * against the new courses and catalogs ({@link LearnerLocks}).
     */
    @Transactional
    public void resolveLessonsAgain(String learnerId) {
        locks.learner(learnerId);
        Function<Task, List<LessonMention>> resolver = memoized(resolverFor(learnerId));
        List<String> paths = new ArrayList<>();
        List<LessonMentionRow> rows = new ArrayList<>();
        for (StoredNote stored : notes.liveNotesOf(learnerId)) {
            try {
                Note note = json.readValue(stored.body, Note.class);
                paths.add(stored.key.notePath());
                rows.addAll(mentionRows(learnerId, stored.key.notePath(), note, resolver));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored note " + stored.key + " is unreadable", e);
            }
        }
        mentions.replaceForNotes(learnerId, paths, rows);
    }

    private void fill(StoredNote stored, Note note) {
        stored.deleted = false;
        stored.studyDate = note.date();
        stored.active = note.active();
        stored.tasksDone = (int) note.tasks().stream().filter(t -> t.status() == TaskStatus.DONE).count();
        try {
            stored.body = json.writeValueAsString(note);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The learner's followed courses, as progress-service's catalog store has them now. */
    private LessonMentionResolver resolverFor(String learnerId) {
        return LessonMentionResolver.forCatalogs(catalogs.forIds(learners.coursesOf(learnerId)));
    }

    /**
     * The resolver, remembering what it found for each task text and links it saw: a learner's notes
     * repeat the same tasks day after day, and the resolver reads nothing else of a task.
     */
    private static Function<Task, List<LessonMention>> memoized(LessonMentionResolver resolver) {
        Map<TaskWords, List<LessonMention>> found = new HashMap<>();
        return task -> found.computeIfAbsent(new TaskWords(task.text(), task.links()), words -> resolver.resolve(words.text(), words.links()));
    }

    private record TaskWords(String text, List<String> links) {
    }

    private List<LessonMentionRow> mentionRows(String learnerId, String notePath, Note note, Function<Task, List<LessonMention>> resolve) {
        List<LessonMentionRow> rows = new ArrayList<>();
        for (Task task : note.tasks()) {
            for (LessonMention mention : resolve.apply(task)) {
                LessonMentionRow row = new LessonMentionRow();
                row.learnerId = learnerId;
                row.notePath = notePath;
                row.courseId = mention.course();
                row.lesson = mention.lesson();
                row.activity = mention.activity() == null ? null : mention.activity().wireName();
                row.done = task.status() == TaskStatus.DONE;
                rows.add(row);
            }
        }
        return rows;
    }
}
