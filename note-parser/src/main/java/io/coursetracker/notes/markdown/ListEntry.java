package io.coursetracker.notes.markdown;

import io.coursetracker.contracts.note.TaskStatus;

import org.commonmark.node.ListItem;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list item as the learner sees it: its first paragraph, and its checkbox if it is a task.
 *
 * @param paragraph the item's first paragraph, or null for an empty item
 * @param status    the checkbox status when the item is a task
 * @param text      the first paragraph's plain text without the checkbox
 * @param links     the links in the first paragraph
 * @param tags      the tags in the first paragraph
 */
record ListEntry(Paragraph paragraph, Optional<TaskStatus> status, String text, List<String> links, List<String> tags) {

    /** {@code [ ]}, {@code [x]}, {@code [/]}, … then a space or the end of the paragraph. */
    private static final Pattern CHECKBOX = Pattern.compile("\\A\\[(.)](?:[ \\t]+|\\z)");

    ListEntry {
        links = List.copyOf(links);
        tags = List.copyOf(tags);
    }

    static ListEntry of(ListItem item) {
        if (!(item.getFirstChild() instanceof Paragraph paragraph)) {
            return new ListEntry(null, Optional.empty(), "", List.of(), List.of());
        }
        InlineContent content = InlineReader.read(paragraph);
        Optional<TaskStatus> status = checkbox(paragraph);
        String text = content.text();
        if (status.isPresent()) {
            // The checkbox is the start of the paragraph's first text node, hence of its plain text.
            text = text.substring(3).trim();
        }
        return new ListEntry(paragraph, status, text, content.links(), content.tags());
    }

    /** commonmark has no task list syntax (that is GFM), so the checkbox is still text here. */
    private static Optional<TaskStatus> checkbox(Paragraph paragraph) {
        if (!(paragraph.getFirstChild() instanceof Text first)) {
            return Optional.empty();
        }
        Matcher checkbox = CHECKBOX.matcher(first.getLiteral());
        return checkbox.find() ? TaskStatus.fromMarker(checkbox.group(1).charAt(0)) : Optional.empty();
    }

    /** An item with nothing in it (a template's bare {@code -} or {@code - [ ]}) is no item. */
    boolean hasContent() {
        return !text.isBlank() || !links.isEmpty();
    }

    boolean isTask() {
        return status.isPresent() && hasContent();
    }
}
