package io.coursetracker.notes.markdown;

import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.beta.LinkInfo;
import org.commonmark.parser.beta.LinkProcessor;
import org.commonmark.parser.beta.LinkResult;
import org.commonmark.parser.beta.Scanner;

/**
 * Builds inline links and images whose text holds no {@code *} or {@code _} the same way
 * commonmark's own link processor does, without its cost on long paragraphs.
 *
 * <p>Why: when commonmark-java (0.27 to 0.30 at least) wraps a link's text, it processes the
 * emphasis delimiters inside it, and to find the first of them it walks the paragraph's delimiter
 * stack from the top down to the link's opening bracket; with no delimiter inside the link, that
 * walk runs past the bracket to the bottom of the stack. Every link thus costs as much as all the
 * unmatched {@code *} and {@code _} before it in the paragraph, which makes a long paragraph of
 * links and emphasis quadratic (a 512 KiB one-line note took seconds).
 *
 * <p>Here such a link replaces its brackets instead of wrapping them, which touches no
 * delimiter. The result is the tree commonmark builds: the same node with the same children, adjacent
 * text merged as commonmark merges it. Links whose text may hold a delimiter, and reference links,
 * are left to commonmark, so emphasis inside link text is still parsed; their delimiter walk stops at
 * the first delimiter inside the link, which is then consumed, so the total stays linear.
 */
final class LinkWithoutEmphasisProcessor implements LinkProcessor {

    @Override
    public LinkResult process(LinkInfo link, Scanner scanner, InlineParserContext context) {
        if (link.destination() == null || mayHoldDelimiter(link.openingBracket())) {
            return LinkResult.none();
        }
        boolean image = link.marker() != null && link.marker().getLiteral().equals("!");
        Node node = image ? new Image(link.destination(), link.title()) : new Link(link.destination(), link.title());
        moveContentInto(link.openingBracket(), node);
        LinkResult replaced = LinkResult.replaceWith(node, scanner.position());
        return image ? replaced.includeMarker() : replaced;
    }

    /**
     * Whether a text node after the opening bracket may be an emphasis delimiter. commonmark gives
     * every {@code *} and {@code _} a text node of its own while parsing; nested images have already
     * consumed theirs. Text holding either character counts, which may send a few links to
     * commonmark that did not need it, never the other way round.
     */
    private static boolean mayHoldDelimiter(Text openingBracket) {
        for (Node node = openingBracket.getNext(); node != null; node = node.getNext()) {
            if (node instanceof Text) {
                String literal = ((Text) node).getLiteral();
                if (literal.indexOf('*') >= 0 || literal.indexOf('_') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Moves everything after the opening bracket into the link, merging adjacent text like commonmark. */
    private static void moveContentInto(Text openingBracket, Node link) {
        StringBuilder textRun = null;
        Node node = openingBracket.getNext();
        while (node != null) {
            Node next = node.getNext();
            if (node instanceof Text) {
                if (textRun == null) {
                    textRun = new StringBuilder();
                }
                textRun.append(((Text) node).getLiteral());
                node.unlink();
            } else {
                appendText(link, textRun);
                textRun = null;
                link.appendChild(node);
            }
            node = next;
        }
        appendText(link, textRun);
    }

    private static void appendText(Node link, StringBuilder textRun) {
        if (textRun != null) {
            link.appendChild(new Text(textRun.toString()));
        }
    }
}
