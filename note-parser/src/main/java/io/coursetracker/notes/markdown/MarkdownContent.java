package io.coursetracker.notes.markdown;

import io.coursetracker.contracts.note.Question;
import io.coursetracker.contracts.note.SectionCounts;
import io.coursetracker.contracts.note.Task;

import java.util.List;

/**
 * Everything a note's Markdown body says, before the study date is settled.
 *
 * @param firstLevelHeadings the texts of the {@code #} headings, in order (they may carry the date)
 * @param warnings           the {@link io.coursetracker.notes.NoteLimits} the body reached, each once
 */
public record MarkdownContent(
        List<Task> tasks,
        SectionCounts sections,
        List<Question> questions,
        List<String> links,
        List<String> tags,
        List<String> firstLevelHeadings,
        List<String> warnings) {

    public MarkdownContent {
        tasks = List.copyOf(tasks);
        questions = List.copyOf(questions);
        links = List.copyOf(links);
        tags = List.copyOf(tags);
        firstLevelHeadings = List.copyOf(firstLevelHeadings);
        warnings = List.copyOf(warnings);
    }
}
