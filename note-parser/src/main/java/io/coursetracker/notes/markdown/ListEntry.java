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
 * @param text      the first paragraph's plain text without the checkbox; empty unless the item is
 *                  a task or its text was asked for
 * @param hasText   whether that text is not blank
 * @param links     the links in the first paragraph
 * @param tags      the tags in the first paragraph
 */
record ListEntry(Paragraph paragraph, Optional<TaskStatus> status, String text, boolean hasText, List<String> links,
                 List<String> tags) {

    /** {@code [ ]}, {@code [x]}, {@code [/]}, … then a space or the end of the paragraph. */
    private static final Pattern CHECKBOX = Pattern.compile("\\A\\[(.)](?:[ \\t]+|\\z)");

    ListEntry {
        links = List.copyOf(links);
        tags = List.copyOf(tags);
    }

    /**
     * @param textNeeded whether the caller shows the item's text (a question); a task's text is always
     *                   read, other items' only as far as telling whether they have any
     */
    static ListEntry of(ListItem item, boolean textNeeded) {
        if (!(item.getFirstChild() instanceof Paragraph paragraph)) {
            return new ListEntry(null, Optional.empty(), "", false, List.of(), List.of());
        }
        Optional<TaskStatus> status = checkbox(paragraph);
        if (!textNeeded && status.isEmpty()) {
            InlineContent content = InlineReader.readLinksAndTags(paragraph);
            return new ListEntry(paragraph, status, "", !content.blank(), content.links(), content.tags());
        }
        InlineContent content = InlineReader.read(paragraph);
        String text = content.text();
        if (status.isPresent()) {
            // The checkbox is the start of the paragraph's first text node, hence of its plain text.
            text = text.substring(3).trim();
        }
        return new ListEntry(paragraph, status, text, !text.isBlank(), content.links(), content.tags());
    }

    /** commonmark has no task list syntax (that is GFM), so the checkbox is still text here. */
    private static Optional<TaskStatus> checkbox(Paragraph paragraph) {
        if (!(paragraph.getFirstChild() instanceof Text first) || !first.getLiteral().startsWith("[")) {
            return Optional.empty();
        }
        Matcher checkbox = CHECKBOX.matcher(first.getLiteral());
        return checkbox.find() ? TaskStatus.fromMarker(checkbox.group(1).charAt(0)) : Optional.empty();
    }

    /** An item with nothing in it (a template's bare {@code -} or {@code - [ ]}) is no item. */
    boolean hasContent() {
        return hasText || !links.isEmpty();
    }

    boolean isTask() {
        return status.isPresent() && hasContent();
    }
}
