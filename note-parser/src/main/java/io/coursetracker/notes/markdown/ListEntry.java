package io.coursetracker.notes.markdown;

import io.coursetracker.contracts.note.TaskStatus;

import org.commonmark.node.ListItem;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;

import java.util.List;
import java.util.Optional;

/**
 * A list item as the learner sees it: its first paragraph, and its checkbox if it is a task.
 *
 * @param paragraph the item's first paragraph, or null for an empty item
 * @param status    the checkbox status when the item is a task
 * @param text      the first paragraph's plain text without the checkbox; empty unless the item is
 *                  a task whose text was asked for (the default) or a question
 * @param hasText   whether that text is not blank
 * @param links     the links in the first paragraph
 * @param tags      the tags in the first paragraph
 */
record ListEntry(Paragraph paragraph, Optional<TaskStatus> status, String text, boolean hasText, List<String> links,
                 List<String> tags) {

    ListEntry {
        links = List.copyOf(links);
        tags = List.copyOf(tags);
    }

    /**
     * @param textNeeded whether the caller shows the item's text (a question); a task's text is always
     *                   read, other items' only as far as telling whether they have any
     */
    static ListEntry of(ListItem item, boolean textNeeded) {
        return of(item, textNeeded, true);
    }

    /**
     * @param taskTextNeeded whether a task's text is read; not once the note has as many tasks as
     *                       it keeps (the text of a dropped task would be built for nothing)
     */
    static ListEntry of(ListItem item, boolean textNeeded, boolean taskTextNeeded) {
        if (!(item.getFirstChild() instanceof Paragraph paragraph)) {
            return new ListEntry(null, Optional.empty(), "", false, List.of(), List.of());
        }
        Optional<TaskStatus> status = checkbox(paragraph);
        if (!textNeeded && status.isEmpty()) {
            InlineContent content = InlineReader.readLinksAndTags(paragraph);
            return new ListEntry(paragraph, status, "", !content.blank(), content.links(), content.tags());
        }
        if (!textNeeded && !taskTextNeeded) {
            InlineContent afterCheckbox = InlineReader.readLinksAndTagsAfterCheckbox(paragraph);
            if (afterCheckbox != null) {
                return new ListEntry(paragraph, status, "", !afterCheckbox.blank(), afterCheckbox.links(),
                        afterCheckbox.tags());
            }
        }
        InlineContent content = InlineReader.read(paragraph);
        String text = content.text();
        if (status.isPresent()) {
            // The checkbox is the start of the paragraph's first text node, hence of its plain text,
            // which is trimmed already: what follows the checkbox is trimmed in place, one copy.
            int start = 3;
            while (start < text.length() && text.charAt(start) <= ' ') {
                start++;
            }
            text = text.substring(start);
        }
        return new ListEntry(paragraph, status, text, !text.isBlank(), content.links(), content.tags());
    }

    /**
     * commonmark has no task list syntax (that is GFM), so the checkbox is still text here: what the
     * regex {@code \A\[(.)](?:[ \t]+|\z)} finds ({@code [ ]}, {@code [x]}, {@code [/]}, … then a space
     * or the end of the paragraph), written out because a matcher per list item was most of what our
     * code allocated on a note of tasks. The marker is the group's first {@code char}, as before.
     */
    private static Optional<TaskStatus> checkbox(Paragraph paragraph) {
        if (!(paragraph.getFirstChild() instanceof Text first) || !first.getLiteral().startsWith("[")) {
            return Optional.empty();
        }
        String literal = first.getLiteral();
        if (literal.length() < 3) {
            return Optional.empty();
        }
        // "." is one code point other than a line terminator.
        int marker = literal.codePointAt(1);
        int close = 1 + Character.charCount(marker);
        if (isLineTerminator(marker) || close >= literal.length() || literal.charAt(close) != ']') {
            return Optional.empty();
        }
        int after = close + 1;
        if (after < literal.length() && literal.charAt(after) != ' ' && literal.charAt(after) != '\t') {
            return Optional.empty();
        }
        char c = literal.charAt(1);
        return c < STATUS_OF_ASCII_MARKER.size() ? STATUS_OF_ASCII_MARKER.get(c) : TaskStatus.fromMarker(c);
    }

    /** {@link TaskStatus#fromMarker} of each ASCII character, made once: it builds an {@code Optional} per call. */
    private static final List<Optional<TaskStatus>> STATUS_OF_ASCII_MARKER = java.util.stream.IntStream.range(0, 128)
            .mapToObj(c -> TaskStatus.fromMarker((char) c)).toList();

    /** What a regex {@code .} does not match without flags. */
    private static boolean isLineTerminator(int c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** An item with nothing in it (a template's bare {@code -} or {@code - [ ]}) is no item. */
    boolean hasContent() {
        return hasText || !links.isEmpty();
    }

    boolean isTask() {
        return status.isPresent() && hasContent();
    }
}
