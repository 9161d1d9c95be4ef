package io.coursetracker.progress.changes;

import io.coursetracker.contracts.events.LessonCompleted;
import io.coursetracker.contracts.events.LessonReopened;
import io.coursetracker.contracts.events.NoteApplied;
import io.coursetracker.contracts.events.NoteEvent;
import io.coursetracker.contracts.events.ProgressEvent;
import io.coursetracker.contracts.events.StreakBroken;
import io.coursetracker.contracts.events.StreakExtended;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.contracts.note.Activity;
import io.coursetracker.outbox.Outbox;
import io.coursetracker.progress.learners.LearnerSettingsRepository;
import io.coursetracker.progress.lessons.ActivityMention;
import io.coursetracker.progress.lessons.LessonKey;
import io.coursetracker.progress.lessons.LessonMentionRepository;
import io.coursetracker.progress.lessons.LessonMentionRow;
import io.coursetracker.progress.lessons.LessonProgressCalculator;
import io.coursetracker.progress.streaks.Streak;
import io.coursetracker.progress.streaks.StreakRules;
import io.coursetracker.progress.streaks.StudyDay;
import io.coursetracker.progress.streaks.StudyDayRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Works out what a batch of changes to one learner's notes did to their lessons and streak, and
 * queues the {@link ProgressEvent}s that say so in the outbox, inside the transaction that applies
 * the batch: a NoteApplied per applied event, then the lesson and streak events of the whole batch.
 *
 * <p>Only what the notes can touch is read: the lessons their old and new tasks mention, and their
 * old and new study days; the whole calendar is read once per batch, and only when a day's activity flipped.
 */
@ApplicationScoped
public class ProgressChangeRecorder {
    private final LessonMentionRepository mentions;
    private final StudyDayRepository studyDays;
    private final LearnerSettingsRepository learners;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    public ProgressChangeRecorder(LessonMentionRepository mentions, StudyDayRepository studyDays,
                                  LearnerSettingsRepository learners, Outbox outbox) {
        this.mentions = mentions;
        this.studyDays = studyDays;
        this.learners = learners;
        this.outbox = outbox;
    }

    /**
     * What a batch of changes to a learner's notes may alter, read before the batch was written.
     *
     * @param noteMentions the mentions of each note the batch touched, before it (its keys: the touched notes)
     * @param changedDays  the study days the touched notes had before or have after the batch
     * @param activeDays   whether each of those days was active before the batch (absent: no study day)
     */
    public record Before(String learnerId, Map<String, List<ActivityMention>> noteMentions, List<LocalDate> changedDays,
                         Map<LocalDate, Boolean> activeDays) {
    }

    /** Which of the given days of the learner are study days, and whether each is active. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<LocalDate, Boolean> activeDays(String learnerId, Collection<LocalDate> days) {
        return activeByDay(studyDays.daysOf(learnerId, days));
    }

    /** Queues the NoteApplied of one applied event (a revision or a delete), in the transaction that applied it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void noteApplied(NoteEvent event, LocalDate newDate, boolean deleted) {
        outbox.add(Topics.PROGRESS, event.learnerId(), new NoteApplied(UUID.randomUUID(), clock.instant(), NoteApplied.SCHEMA_VERSION,
                event.learnerId(), event.notePath(), event.revision(), deleted, newDate));
    }

    /**
     * Queues the lesson and streak events for what a batch changed, once its notes, mentions and
     * study days are written: a lesson completed and reopened within one batch says nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Before before) {
        Instant now = clock.instant();
        List<ProgressEvent> events = new ArrayList<>();
        lessonChanges(before, now, events);
        streakChange(before, now, events);
        for (ProgressEvent progressEvent : events) {
            outbox.add(Topics.PROGRESS, before.learnerId(), progressEvent);
        }
    }

    private void lessonChanges(Before before, Instant now, List<ProgressEvent> events) {
        Set<String> touchedNotes = before.noteMentions().keySet();
        List<ActivityMention> beforeChange = new ArrayList<>();
        before.noteMentions().values().forEach(beforeChange::addAll);
        Set<LessonKey> touched = new LinkedHashSet<>();
        beforeChange.forEach(mention -> touched.add(new LessonKey(mention.course(), mention.lesson())));
        mentions.ofNotes(before.learnerId(), touchedNotes).values()
                .forEach(noteNow -> noteNow.forEach(mention -> touched.add(new LessonKey(mention.course(), mention.lesson()))));
        if (touched.isEmpty()) {
            return;
        }
        List<ActivityMention> after = new ArrayList<>();
        for (LessonMentionRow row : mentions.ofLessons(before.learnerId(), touched)) {
            after.add(row.toActivityMention());
            if (!touchedNotes.contains(row.notePath)) {
                beforeChange.add(row.toActivityMention());
            }
        }
        for (LessonKey lesson : touched) {
            boolean wasComplete = LessonProgressCalculator.completes(LessonProgressCalculator.doneActivities(lesson.course(), lesson.lesson(), beforeChange));
            Set<Activity> doneNow = LessonProgressCalculator.doneActivities(lesson.course(), lesson.lesson(), after);
            boolean isComplete = LessonProgressCalculator.completes(doneNow);
            if (!wasComplete && isComplete) {
                events.add(new LessonCompleted(UUID.randomUUID(), now, LessonCompleted.SCHEMA_VERSION, before.learnerId(),
                        lesson.course(), lesson.lesson()));
            } else if (wasComplete && !isComplete) {
                events.add(new LessonReopened(UUID.randomUUID(), now, LessonReopened.SCHEMA_VERSION, before.learnerId(),
                        lesson.course(), lesson.lesson(), doneNow.size() / (double) Activity.values().length));
            }
        }
    }

    private void streakChange(Before before, Instant now, List<ProgressEvent> events) {
        String learnerId = before.learnerId();
        Map<LocalDate, Boolean> activeNow = activeByDay(studyDays.daysOf(learnerId, before.changedDays()));
        boolean flipped = before.changedDays().stream()
                .anyMatch(day -> before.activeDays().getOrDefault(day, false) != activeNow.getOrDefault(day, false));
        if (!flipped) {
            return;
        }
        List<StudyDay> daysNow = studyDays.daysOf(learnerId);
        List<StudyDay> daysBefore = new ArrayList<>();
        for (StudyDay day : daysNow) {
            if (!before.changedDays().contains(day.date())) {
                daysBefore.add(day);
            }
        }
        // tasksDone plays no part in streaks; the changed days come back with their earlier activity.
        before.activeDays().forEach((day, active) -> daysBefore.add(new StudyDay(day, active, 0)));
        LocalDate asOf = StreakRules.today(learners.zoneOf(learnerId), clock);
        int restDays = learners.restDaysPerWeekOf(learnerId);
        Streak was = StreakRules.streak(daysBefore, restDays, asOf);
        Streak is = StreakRules.streak(daysNow, restDays, asOf);
        if (is.current() > was.current()) {
            events.add(new StreakExtended(UUID.randomUUID(), now, StreakExtended.SCHEMA_VERSION, learnerId, asOf, is.current(), is.longest()));
        } else if (is.current() < was.current()) {
            events.add(new StreakBroken(UUID.randomUUID(), now, StreakBroken.SCHEMA_VERSION, learnerId, asOf, was.current(), is.current(), is.brokenOn()));
        }
    }

    private static Map<LocalDate, Boolean> activeByDay(List<StudyDay> days) {
        Map<LocalDate, Boolean> active = new HashMap<>();
        days.forEach(day -> active.put(day.date(), day.active()));
        return active;
    }
}
