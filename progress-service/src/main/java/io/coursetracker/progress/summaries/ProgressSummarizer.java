package io.coursetracker.progress.summaries;

import io.coursetracker.contracts.api.LearnerProgress.CourseProgress;
import io.coursetracker.contracts.api.LessonStatus;
import io.coursetracker.contracts.api.ProgressSummaries;
import io.coursetracker.contracts.api.ProgressSummaries.LearnerSummary;
import io.coursetracker.contracts.api.ProgressSummaries.LessonState;
import io.coursetracker.contracts.catalog.CourseCatalog;
import io.coursetracker.progress.learners.LearnerSettingsRepository;
import io.coursetracker.progress.lessons.LessonMentionRepository;
import io.coursetracker.progress.lessons.LessonMentionRow;
import io.coursetracker.progress.lessons.LessonProgressCalculator;
import io.coursetracker.progress.notes.StoredNoteRepository;
import io.coursetracker.progress.questions.NoteQuestionRepository;
import io.coursetracker.progress.reads.ReadCache;
import io.coursetracker.progress.reads.ReadVersions;
import io.coursetracker.progress.streaks.Streak;
import io.coursetracker.progress.streaks.StreakRules;
import io.coursetracker.progress.streaks.StudyDay;
import io.coursetracker.progress.streaks.StudyDayRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per learner, what a team dashboard needs about one course as of one day: the learner's lessons in
 * it, streak, active days in a window and the lesson started furthest along. Reads the same tables
 * and applies the same rules as the learner's own reads.
 */
@ApplicationScoped
public class ProgressSummarizer {
    private final LessonMentionRepository mentions;
    private final StudyDayRepository studyDays;
    private final StoredNoteRepository notes;
    private final NoteQuestionRepository questions;
    private final LearnerSettingsRepository learners;

    /** A learner's summary for one course, as of one day, over the days from {@code from}. */
    private record Key(String learnerId, String courseId, LocalDate asOf, LocalDate from) {
    }

    private final ReadVersions versions;
    private final ReadCache cache;

    public ProgressSummarizer(LessonMentionRepository mentions, StudyDayRepository studyDays, StoredNoteRepository notes,
                              NoteQuestionRepository questions, LearnerSettingsRepository learners, ReadVersions versions, ReadCache cache) {
        this.versions = versions;
        this.cache = cache;
        this.mentions = mentions;
        this.studyDays = studyDays;
        this.notes = notes;
        this.questions = questions;
        this.learners = learners;
    }

    public ProgressSummaries summarize(List<String> learnerIds, CourseCatalog course, LocalDate asOf, int days) {
        LocalDate from = asOf.minusDays(days - 1L);
        // The stamps first, in one statement: what is computed after them is at least as new (see ReadCache).
        Map<String, ReadVersions.Stamp> stamps = versions.of(learnerIds);
        List<LearnerSummary> summaries = new ArrayList<>();
        for (String learnerId : learnerIds) {
            summaries.add(cache.get(new Key(learnerId, course.id(), asOf, from), stamps.get(learnerId),
                    () -> summarize(learnerId, course, asOf, from), ProgressSummarizer::weight));
        }
        List<ProgressSummaries.Lesson> lessons = course.lessons().stream()
                .map(lesson -> new ProgressSummaries.Lesson(lesson.number(), lesson.title()))
                .toList();
        return new ProgressSummaries(course.id(), course.title(), asOf, from, lessons, summaries);
    }

    private LearnerSummary summarize(String learnerId, CourseCatalog course, LocalDate asOf, LocalDate from) {
        List<LessonMentionRow> rows = mentions.ofLearner(learnerId).stream()
                .filter(row -> row.courseId.equals(course.id()))
                .toList();
        CourseProgress progress = LessonProgressCalculator.progress(List.of(course),
                rows.stream().map(LessonMentionRow::toActivityMention).toList()).courses().get(0);

        List<StudyDay> days = studyDays.daysOf(learnerId);
        Streak streak = StreakRules.streak(days, learners.restDaysPerWeekOf(learnerId), asOf);
        List<LocalDate> active = days.stream()
                .filter(day -> day.active() && !day.date().isBefore(from) && !day.date().isAfter(asOf))
                .map(StudyDay::date)
                .sorted()
                .toList();

        Map<Integer, Set<String>> notesByLesson = new TreeMap<>();
        for (LessonMentionRow row : rows) {
            notesByLesson.computeIfAbsent(row.lesson, lesson -> new TreeSet<>()).add(row.notePath);
        }
        boolean anyStarted = progress.lessons().stream().anyMatch(lesson -> lesson.status() == LessonStatus.IN_PROGRESS);
        ProgressSummaries.StartedLesson started = anyStarted
                ? FurthestStartedLesson.find(progress, notesByLesson, notes.studyDatesOf(learnerId), questions.askedBy(learnerId), asOf)
                : null;

        List<LessonState> lessons = progress.lessons().stream()
                .map(lesson -> new LessonState(lesson.lesson(), lesson.status(), lesson.completion()))
                .toList();
        return new LearnerSummary(learnerId, progress.completion(), lessons, streak.current(), streak.longest(),
                streak.lastActiveDay(), active, started);
    }

    /** Roughly the bytes a summary holds: its lessons, active days and open questions. */
    private static int weight(LearnerSummary summary) {
        int questions = summary.furthestStarted() == null ? 0
                : summary.furthestStarted().openQuestions().stream().mapToInt(text -> 40 + 2 * text.length()).sum();
        return 256 + 48 * summary.lessons().size() + 24 * summary.activeDays().size() + questions;
    }
}
