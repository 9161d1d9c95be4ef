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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
     */
    @Transactional
    public int applyAll(String learnerId, List<NoteEvent> events) {
        locks.learner(learnerId);
        if (erasures.isErased(learnerId)) {
            // Still in ingest's outbox or on the topic when the learner was erased: nothing may come back.
            LOG.debugf("%d events of erased learner %s ignored", events.size(), learnerId);
            return 0;
        }
        Batch batch = new Batch(learnerId,
                mentions.ofNotes(learnerId, events.stream().map(NoteEvent::notePath).collect(Collectors.toSet())));
        int applied = 0;
        for (NoteEvent event : events) {
            if (!event.learnerId().equals(learnerId)) {
                throw new IllegalArgumentException("event " + event.eventId() + " is not " + learnerId + "'s");
            }
            if (applyOne(event, batch)) {
                applied++;
            }
            // Written now and let go: every native query flushes, and a flush dirty-checks every managed
            // row, so a batch that kept them all would cost the square of its size.
            entityManager.flush();
            entityManager.clear();
        }
        if (applied > 0) {
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
        private LessonMentionResolver resolver;

        Batch(String learnerId, Map<String, List<ActivityMention>> mentionsBefore) {
            this.learnerId = learnerId;
            this.mentionsBefore = mentionsBefore;
        }

        LessonMentionResolver resolver() {
            if (resolver == null) {
                resolver = resolverFor(learnerId);
            }
            return resolver;
        }
    }

    /** Applies one event of the batch; returns whether it changed anything. */
    private boolean applyOne(NoteEvent event, Batch batch) {
        if (!processed.firstTime(event.eventId())) {
            LOG.debugf("duplicate event %s ignored", event.eventId());
            return false;
        }
        Optional<StoredNote> existing = notes.lock(event.learnerId(), event.notePath());
        if (existing.isPresent() && existing.get().revision >= event.revision()) {
            LOG.debugf("revision %s of %s is not newer than %s; ignored", (Object) event.revision(), event.notePath(), (Object) existing.get().revision);
            return false;
        }
        LocalDate oldDate = existing.map(stored -> stored.studyDate).orElse(null);
        LocalDate newDate = event instanceof NoteRevised revisedNote ? revisedNote.note().date() : null;
        StoredNote note = existing.orElseGet(() -> {
            StoredNote created = new StoredNote();
            created.key = new StoredNote.Key(event.learnerId(), event.notePath());
            return created;
        });
        // This revision is applied: the note moves to it, and counts it.
        note.revision = event.revision();
        note.appliedAt = Instant.now();
        note.appliedRevisions++;
        if (event instanceof NoteRevised revised) {
            fill(note, revised.note());
            mentions.replaceForNote(event.learnerId(), event.notePath(),
                    mentionRows(event.learnerId(), event.notePath(), revised.note(), batch.resolver()));
            questions.replaceForNote(event.learnerId(), event.notePath(), revised.note().date(), revised.note().questions());
        } else if (event instanceof NoteDeleted) {
            note.deleted = true;
            note.body = null;
            note.studyDate = null;
            note.active = false;
            note.tasksDone = 0;
            mentions.replaceForNote(event.learnerId(), event.notePath(), List.of());
            questions.replaceForNote(event.learnerId(), event.notePath(), null, List.of());
        }
        notes.persist(note);
        if (oldDate != null) {
            batch.days.add(oldDate);
        }
        if (newDate != null) {
            batch.days.add(newDate);
        }
        changes.noteApplied(event, newDate, note.deleted);
        return true;
    }

    /**
     * Resolves every live note of the learner again, after the learner's courses or one of their
     * catalogs changed. Holds the learner's lock, so a note applied meanwhile is resolved after this,
     * against the new courses and catalogs ({@link LearnerLocks}).
     */
    @Transactional
    public void resolveLessonsAgain(String learnerId) {
        locks.learner(learnerId);
        LessonMentionResolver resolver = resolverFor(learnerId);
        for (StoredNote stored : notes.liveNotesOf(learnerId)) {
            try {
                Note note = json.readValue(stored.body, Note.class);
                mentions.replaceForNote(learnerId, stored.key.notePath(), mentionRows(learnerId, stored.key.notePath(), note, resolver));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored note " + stored.key + " is unreadable", e);
            }
        }
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

    private List<LessonMentionRow> mentionRows(String learnerId, String notePath, Note note, LessonMentionResolver resolver) {
        List<LessonMentionRow> rows = new ArrayList<>();
        for (Task task : note.tasks()) {
            for (LessonMention mention : resolver.resolve(task)) {
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
