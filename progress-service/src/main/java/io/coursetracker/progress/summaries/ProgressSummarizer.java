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

    public ProgressSummarizer(LessonMentionRepository mentions, StudyDayRepository studyDays, StoredNoteRepository notes,
                              NoteQuestionRepository questions, LearnerSettingsRepository learners) {
        this.mentions = mentions;
        this.studyDays = studyDays;
        this.notes = notes;
        this.questions = questions;
        this.learners = learners;
    }

    public ProgressSummaries summarize(List<String> learnerIds, CourseCatalog course, LocalDate asOf, int days) {
        LocalDate from = asOf.minusDays(days - 1L);
        List<LearnerSummary> summaries = new ArrayList<>();
        for (String learnerId : learnerIds) {
            summaries.add(summarize(learnerId, course, asOf, from));
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
}
