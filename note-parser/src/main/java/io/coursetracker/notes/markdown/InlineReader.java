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
import java.util.regex.Matcher;

/** Reads the inline nodes of one block (a paragraph, a heading) into {@link InlineContent}. */
final class InlineReader extends AbstractVisitor {

    private final StringBuilder text = new StringBuilder();
    private final List<String> links = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    /** Text inside a link is the link's label: a {@code #} there is not a tag. */
    private int linkDepth;

    private InlineReader() {
    }

    static InlineContent read(Node block) {
        InlineReader reader = new InlineReader();
        reader.visitChildren(block);
        return new InlineContent(reader.text.toString().replaceAll("\\s+", " ").trim(), reader.links, reader.tags);
    }

    @Override
    public void visit(Text node) {
        String literal = node.getLiteral();
        Matcher wikilink = Wikilinks.WIKILINK.matcher(literal);
        int copied = 0;
        while (wikilink.find()) {
            readPlainText(literal.substring(copied, wikilink.start()));
            links.add(Wikilinks.target(wikilink));
            text.append(Wikilinks.displayText(wikilink));
            copied = wikilink.end();
        }
        readPlainText(literal.substring(copied));
    }

    private void readPlainText(String plain) {
        text.append(plain);
        if (linkDepth == 0) {
            InlineTags.find(plain, tags::add);
        }
    }

    @Override
    public void visit(Code node) {
        text.append(node.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak node) {
        text.append(' ');
    }

    @Override
    public void visit(HardLineBreak node) {
        text.append(' ');
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
