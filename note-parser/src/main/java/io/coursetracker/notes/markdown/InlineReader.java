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

/** Reads the inline nodes of one block (a paragraph, a heading) into {@link InlineContent}. */
final class InlineReader extends AbstractVisitor {

    private final StringBuilder text = new StringBuilder();
    private final List<String> links = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
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

    private InlineReader(boolean keepText) {
        this.keepText = keepText;
    }

    static InlineContent read(Node block) {
        InlineReader reader = new InlineReader(true);
        reader.visitChildren(block);
        String text = reader.text.toString().trim();
        return new InlineContent(text, text.isBlank(), reader.links, reader.tags);
    }

    /** Links, tags and whether there is any text, without building the text (it is null). */
    static InlineContent readLinksAndTags(Node block) {
        InlineReader reader = new InlineReader(false);
        reader.visitChildren(block);
        if (!reader.sawVisible && reader.sawControl) {
            return read(block);
        }
        return new InlineContent(null, !reader.sawVisible, reader.links, reader.tags);
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
        for (int i = 0; i < part.length() && !sawVisible; i++) {
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
            links.add(wikilink.target());
            appendCollapsed(wikilink.displayText());
            copied = wikilink.end();
        }
        readPlainText(literal.substring(copied));
    }

    private void readPlainText(String plain) {
        appendCollapsed(plain);
        if (linkDepth == 0) {
            InlineTags.find(plain, tags::add);
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
            links.add(destination);
        }
    }
}
