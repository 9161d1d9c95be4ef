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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Works out what a note's change did to the learner's lessons and streak, and queues the
 * {@link ProgressEvent}s that say so in the outbox, inside the transaction that applies the change.
 *
 * <p>Only what the note can touch is read: the lessons its old and new tasks mention, and its old
 * and new study days; the whole calendar is read only when a day's activity flipped.
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

    /** What the note's change may alter, read before the change is written. */
    /**
     * @param changedDays the note's study day before and after the change (either may be absent)
     * @param activeDays  whether each of those days was active before the change (absent: no study day)
     */
    public record Before(String learnerId, String notePath, List<ActivityMention> noteMentions, List<LocalDate> changedDays,
                         Map<LocalDate, Boolean> activeDays) {
    }

    /** Reads what the change of a note from {@code oldDate} to {@code newDate} may alter; either date may be null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Before before(String learnerId, String notePath, LocalDate oldDate, LocalDate newDate) {
        List<ActivityMention> noteMentions = mentions.ofNote(learnerId, notePath).stream().map(LessonMentionRow::toActivityMention).toList();
        List<LocalDate> changedDays = new ArrayList<>();
        for (LocalDate day : Arrays.asList(oldDate, newDate)) {
            if (day != null && !changedDays.contains(day)) {
                changedDays.add(day);
            }
        }
        return new Before(learnerId, notePath, noteMentions, List.copyOf(changedDays), activeByDay(studyDays.daysOf(learnerId, changedDays)));
    }

    /** Queues the events for a change that has been written (note row, mentions and study days). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Before before, NoteEvent event, LocalDate newDate, boolean deleted) {
        Instant now = clock.instant();
        String learnerId = before.learnerId();
        List<ProgressEvent> events = new ArrayList<>();
        events.add(new NoteApplied(UUID.randomUUID(), now, NoteApplied.SCHEMA_VERSION, learnerId, before.notePath(),
                event.revision(), deleted, newDate));
        lessonChanges(before, now, events);
        streakChange(before, now, events);
        for (ProgressEvent progressEvent : events) {
            outbox.add(Topics.PROGRESS, learnerId, progressEvent);
        }
    }

    private void lessonChanges(Before before, Instant now, List<ProgressEvent> events) {
        List<ActivityMention> noteNow = mentions.ofNote(before.learnerId(), before.notePath()).stream()
                .map(LessonMentionRow::toActivityMention).toList();
        Set<LessonKey> touched = new LinkedHashSet<>();
        before.noteMentions().forEach(mention -> touched.add(new LessonKey(mention.course(), mention.lesson())));
        noteNow.forEach(mention -> touched.add(new LessonKey(mention.course(), mention.lesson())));
        if (touched.isEmpty()) {
            return;
        }
        List<ActivityMention> after = new ArrayList<>();
        List<ActivityMention> beforeChange = new ArrayList<>(before.noteMentions());
        for (LessonMentionRow row : mentions.ofLessons(before.learnerId(), touched)) {
            after.add(row.toActivityMention());
            if (!row.notePath.equals(before.notePath())) {
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
