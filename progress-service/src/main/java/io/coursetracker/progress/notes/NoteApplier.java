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
import io.coursetracker.progress.lessons.LessonMentionRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    public NoteApplier(StoredNoteRepository notes, LessonMentionRepository mentions, ProcessedEventRepository processed,
                       LearnerSettingsRepository learners, CatalogRepository catalogs, LearnerLocks locks, ObjectMapper json,
                       StudyDayRepository studyDays, NoteQuestionRepository questions, ProgressChangeRecorder changes,
                       LearnerErasures erasures) {
        this.erasures = erasures;
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
        locks.learner(event.learnerId());
        if (erasures.isErased(event.learnerId())) {
            // Still in ingest's outbox or on the topic when the learner was erased: nothing may come back.
            LOG.debugf("event %s of erased learner %s ignored", event.eventId(), event.learnerId());
            return false;
        }
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
        ProgressChangeRecorder.Before before = changes.before(event.learnerId(), event.notePath(), oldDate, newDate);
        StoredNote note = existing.orElseGet(() -> {
            StoredNote created = new StoredNote();
            created.key = new StoredNote.Key(event.learnerId(), event.notePath());
            return created;
        });
        note.revision = event.revision();
        note.appliedAt = Instant.now();
        note.appliedRevisions++;
        if (event instanceof NoteRevised revised) {
            fill(note, revised.note());
            mentions.replaceForNote(event.learnerId(), event.notePath(),
                    mentionRows(event.learnerId(), event.notePath(), revised.note(), resolverFor(event.learnerId())));
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
        studyDays.refresh(event.learnerId(), Arrays.asList(oldDate, newDate));
        changes.changed(before, event, newDate, note.deleted);
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
