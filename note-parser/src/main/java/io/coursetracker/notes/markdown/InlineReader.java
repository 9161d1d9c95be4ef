package io.coursetracker.notes.markdown;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads the inline nodes of one block (a paragraph, a heading) into {@link InlineContent}. */
final class InlineReader extends AbstractVisitor {

    /** The plain text, when it is kept. */
    private final StringBuilder text;
    /**
     * Made on the first link or tag, as an immutable one-element list (most blocks have none or one,
     * and {@link InlineContent} keeps it without a copy), then as an {@code ArrayList}.
     */
    private List<String> links;
    private List<String> tags;
    /** Made on the first text holding a {@code #}; then one consumer per block, not one per text node. */
    private Consumer<String> addTag;
    /** Text inside a link is the link's label: a {@code #} there is not a tag. */
    private int linkDepth;
    /** Whether the last character appended is a space standing for a run of whitespace. */
    private boolean endsWithSpace;

    /** Whether the plain text is built; most blocks (prose, non-task items) only need their links and tags. */
    private final boolean keepText;
    /** Seen a character that neither trimming nor a blank check can remove. */
    private boolean sawVisible;
    /** Seen a control character that is not whitespace: only the whole text tells whether it is blank. */
    private boolean sawControl;
    /** Characters at the start not to count as visible (a task's checkbox). */
    private int skip;

    private InlineReader(boolean keepText) {
        this.keepText = keepText;
        this.text = keepText ? new StringBuilder() : null;
    }

    static InlineContent read(Node block) {
        InlineReader reader = new InlineReader(true);
        reader.visitChildren(block);
        String text = trimmed(reader.text);
        return new InlineContent(text, text.isBlank(), reader.links(), reader.tags());
    }

    /** Links, tags and whether there is any text, without building the text (it is null). */
    static InlineContent readLinksAndTags(Node block) {
        InlineReader reader = new InlineReader(false);
        reader.visitChildren(block);
        if (!reader.sawVisible && reader.sawControl) {
            return read(block);
        }
        return new InlineContent(null, !reader.sawVisible, reader.links(), reader.tags());
    }

    /** {@code text.toString().trim()} with one copy. */
    private static String trimmed(StringBuilder text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        return text.substring(start, end);
    }

    private List<String> links() {
        return links == null ? List.of() : links;
    }

    private List<String> tags() {
        return tags == null ? List.of() : tags;
    }

    private void addLink(String link) {
        links = added(links, link);
    }

    private void addTag(String tag) {
        tags = added(tags, tag);
    }

    private static List<String> added(List<String> list, String element) {
        if (list == null) {
            return List.of(element);
        }
        if (!(list instanceof ArrayList<String>)) {
            list = new ArrayList<>(list);
        }
        list.add(element);
        return list;
    }

    /**
     * Links, tags and whether there is any text after the task checkbox {@code [x]} that starts the
     * block, without building the text; null when only the whole text can tell (a control character).
     */
    static InlineContent readLinksAndTagsAfterCheckbox(Node block) {
        InlineReader reader = new InlineReader(false);
        reader.skip = 3;
        reader.visitChildren(block);
        if (!reader.sawVisible && reader.sawControl) {
            return null;
        }
        return new InlineContent(null, !reader.sawVisible, reader.links(), reader.tags());
    }

    /**
     * Appends text with each run of whitespace ({@code \s}: space, tab, line breaks, form feed,
     * vertical tab) as one space, in one pass rather than a {@code replaceAll} at the end.
     */
    private void appendCollapsed(String part) {
        if (!keepText) {
            noteVisibility(part);
            return;
        }
        int wordStart = 0;
        for (int i = 0; i < part.length(); i++) {
            if (isWhitespace(part.charAt(i))) {
                if (i > wordStart) {
                    text.append(part, wordStart, i);
                    endsWithSpace = false;
                }
                if (!endsWithSpace) {
                    text.append(' ');
                    endsWithSpace = true;
                }
                wordStart = i + 1;
            }
        }
        if (part.length() > wordStart) {
            text.append(part, wordStart, part.length());
            endsWithSpace = false;
        }
    }

    private void noteVisibility(String part) {
        int skipped = Math.min(skip, part.length());
        skip -= skipped;
        for (int i = skipped; i < part.length() && !sawVisible; i++) {
            char c = part.charAt(i);
            if (!Character.isWhitespace(c)) {
                if (c > ' ') {
                    sawVisible = true;
                } else {
                    sawControl = true;
                }
            }
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    @Override
    public void visit(Text node) {
        String literal = node.getLiteral();
        if (literal.indexOf("[[") < 0) {
            // Most text has no wikilink; skip the regex.
            readPlainText(literal);
            return;
        }
        int copied = 0;
        for (Wikilinks.Wikilink wikilink = Wikilinks.next(literal, 0); wikilink != null;
                wikilink = Wikilinks.next(literal, copied)) {
            readPlainText(literal.substring(copied, wikilink.start()));
            addLink(wikilink.target());
            appendCollapsed(wikilink.displayText());
            copied = wikilink.end();
        }
        readPlainText(literal.substring(copied));
    }

    private void readPlainText(String plain) {
        appendCollapsed(plain);
        if (linkDepth == 0 && plain.indexOf('#') >= 0) {
            if (addTag == null) {
                addTag = this::addTag;
            }
            InlineTags.find(plain, addTag);
        }
    }

    @Override
    public void visit(Code node) {
        appendCollapsed(node.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak node) {
        appendCollapsed(" ");
    }

    @Override
    public void visit(HardLineBreak node) {
        appendCollapsed(" ");
    }

    @Override
    public void visit(HtmlInline node) {
        // Markup such as <br> or <span> is not part of what the learner wrote.
    }

    @Override
    public void visit(Link node) {
        addDestination(node.getDestination());
        linkDepth++;
        visitChildren(node);
        linkDepth--;
    }

    @Override
    public void visit(Image node) {
        addDestination(node.getDestination());
        linkDepth++;
        visitChildren(node);
        linkDepth--;
    }

    private void addDestination(String destination) {
        if (destination != null && !destination.isBlank()) {
            addLink(destination);
        }
    }
}
