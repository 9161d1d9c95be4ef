package io.coursetracker.contracts.note;

import java.time.LocalDate;
import java.util.List;

/**
 * What the platform extracts from one Markdown note (SPEC section 1). This is the {@code note}
 * object of the HTTP interface and the payload of {@code NoteRevised}.
 *
 * @param date    the study date, or null for a note that is not a daily note
 * @param daily   whether the note has a study date
 * @param active  whether the note makes its study date an active day: a checked task, or an item
 *                under studied, insights or questions
 */
public record Note(
        LocalDate date,
        boolean daily,
        boolean active,
        List<String> tags,
        List<Task> tasks,
        SectionCounts sections,
        List<Question> questions,
        List<String> links,
        List<String> warnings) {

    public Note {
        tags = List.copyOf(tags);
        tasks = List.copyOf(tasks);
        questions = List.copyOf(questions);
        links = List.copyOf(links);
        warnings = List.copyOf(warnings);
    }

    public Note withTasks(List<Task> resolvedTasks) {
        return new Note(date, daily, active, tags, resolvedTasks, sections, questions, links, warnings);
    }
}
