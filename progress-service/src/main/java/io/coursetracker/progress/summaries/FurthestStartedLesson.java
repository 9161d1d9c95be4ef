package io.coursetracker.progress.summaries;

import io.coursetracker.contracts.api.LearnerProgress.CourseProgress;
import io.coursetracker.contracts.api.LearnerProgress.LessonProgress;
import io.coursetracker.contracts.api.LessonStatus;
import io.coursetracker.contracts.api.ProgressSummaries.StartedLesson;
import io.coursetracker.progress.questions.AskedQuestion;
import io.coursetracker.progress.questions.MergedQuestion;
import io.coursetracker.progress.questions.QuestionBook;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lesson a learner started furthest along, for a team's "stuck" list (plain Java).
 *
 * <ul>
 *   <li>It is the {@code in_progress} lesson of the course with the highest number; none, no lesson.</li>
 *   <li>Its <b>last activity</b> is the latest study date, on or before {@code asOf}, of a live note
 *       that has a task mentioning the lesson (checked or not). Undated notes and notes dated after
 *       {@code asOf} give no date: a lesson only they mention has no last activity.</li>
 *   <li>Its <b>open questions</b> are the learner's open questions (merged across all notes, so a check
 *       in any note answers one) that one of the notes mentioning the lesson asks.</li>
 * </ul>
 */
public final class FurthestStartedLesson {
    private FurthestStartedLesson() {
    }

    /**
     * @param progress      the learner's progress in the course
     * @param notesByLesson for each lesson number, the paths of the live notes with a task mentioning it
     * @param studyDates    the study date of each live note (a null value: not a daily note)
     * @param asked         every question of the learner's live notes
     * @return the furthest started lesson, or null when no lesson is in progress
     */
    public static StartedLesson find(CourseProgress progress, Map<Integer, ? extends Collection<String>> notesByLesson,
                                     Map<String, LocalDate> studyDates, List<AskedQuestion> asked, LocalDate asOf) {
        LessonProgress furthest = null;
        for (LessonProgress lesson : progress.lessons()) {
            if (lesson.status() == LessonStatus.IN_PROGRESS && (furthest == null || lesson.lesson() > furthest.lesson())) {
                furthest = lesson;
            }
        }
        if (furthest == null) {
            return null;
        }
        Collection<String> notes = notesByLesson.containsKey(furthest.lesson()) ? notesByLesson.get(furthest.lesson()) : List.of();
        LocalDate lastActivity = null;
        for (String note : notes) {
            LocalDate date = studyDates.get(note);
            if (date != null && !date.isAfter(asOf) && (lastActivity == null || date.isAfter(lastActivity))) {
                lastActivity = date;
            }
        }
        Set<String> askedThere = new HashSet<>();
        for (AskedQuestion question : asked) {
            if (notes.contains(question.notePath())) {
                askedThere.add(QuestionBook.normalize(question.text()));
            }
        }
        List<String> open = QuestionBook.open(asked).stream()
                .map(MergedQuestion::text)
                .filter(text -> askedThere.contains(QuestionBook.normalize(text)))
                .toList();
        return new StartedLesson(furthest.lesson(), lastActivity, open);
    }
}
