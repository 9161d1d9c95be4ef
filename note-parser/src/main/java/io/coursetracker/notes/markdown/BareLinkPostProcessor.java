package io.coursetracker.notes.markdown;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;

/**
 * Turns bare URLs ({@code https://…}), {@code www.} addresses and e-mail addresses in text into
 * {@link Link} nodes, as commonmark's {@code AutolinkExtension} (0.30.0) does with all its link
 * types, and builds the same nodes: destination as written, {@code http://} before {@code www.},
 * {@code mailto:} before an address; text inside a link is left alone.
 *
 * <p>Why not the extension: it runs autolink-java's extractor over every text node, and most text
 * has nothing it could find. The extractor only starts a link at a {@code ':'} (URL), an {@code '@'}
 * (e-mail) or a {@code "www."}, so text with none of them is skipped with a few {@code indexOf}s.
 */
final class BareLinkPostProcessor implements PostProcessor {

    private final LinkExtractor extractor = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.EMAIL, LinkType.WWW))
            .build();

    @Override
    public Node process(Node document) {
        document.accept(new AbstractVisitor() {
            private int linkDepth;

            @Override
            public void visit(Link link) {
                linkDepth++;
                visitChildren(link);
                linkDepth--;
            }

            @Override
            public void visit(Text text) {
                if (linkDepth == 0 && mayHoldLink(text.getLiteral())) {
                    linkify(text);
                }
            }
        });
        return document;
    }

    /**
     * Whether the extractor could find anything: every link it finds contains one of these. An empty
     * literal is passed on too, since the extension removes such a node.
     */
    static boolean mayHoldLink(String literal) {
        return literal.isEmpty() || literal.indexOf(':') >= 0 || literal.indexOf('@') >= 0 || literal.contains("www.");
    }

    /**
     * Splits the text node into text and link nodes, with source spans cut from the original. Asks
     * the extractor for the links only (not a span object per piece of text between them).
     */
    private void linkify(Text text) {
        String literal = text.getLiteral();
        Iterator<LinkSpan> links = extractor.extractLinks(literal).iterator();
        if (!literal.isEmpty() && !links.hasNext()) {
            // The whole literal is plain text: nothing to change.
            return;
        }
        List<SourceSpan> spans = text.getSourceSpans();
        SourceSpan span = spans.size() == 1 ? spans.get(0) : null;
        Node last = text;
        boolean reused = false;
        int copied = 0;
        while (links.hasNext()) {
            LinkSpan part = links.next();
            if (part.getBeginIndex() > copied) {
                if (copied == 0) {
                    // The text before the first link stays in the original node: one node fewer per link.
                    text.setLiteral(literal.substring(0, part.getBeginIndex()));
                    text.setSourceSpans(span == null ? List.of() : List.of(span.subSpan(0, part.getBeginIndex())));
                    reused = true;
                } else {
                    last = insertText(last, literal, copied, part.getBeginIndex(), span);
                }
            }
            Text partText = textOf(literal, part.getBeginIndex(), part.getEndIndex(), span);
            Link link = new Link(destination(part, partText.getLiteral()), null);
            link.appendChild(partText);
            link.setSourceSpans(partText.getSourceSpans());
            last.insertAfter(link);
            last = link;
            copied = part.getEndIndex();
        }
        if (copied < literal.length()) {
            insertText(last, literal, copied, literal.length(), span);
        }
        if (!reused) {
            text.unlink();
        }
    }

    private static Node insertText(Node last, String literal, int begin, int end, SourceSpan span) {
        Text partText = textOf(literal, begin, end, span);
        last.insertAfter(partText);
        return partText;
    }

    private static Text textOf(String literal, int begin, int end, SourceSpan span) {
        Text partText = new Text(literal.substring(begin, end));
        if (span != null) {
            partText.addSourceSpan(span.subSpan(begin, end));
        }
        return partText;
    }

    private static String destination(LinkSpan link, String written) {
        if (link.getType() == LinkType.EMAIL) {
            return "mailto:" + written;
        }
        if (link.getType() == LinkType.WWW) {
            return "http://" + written;
        }
        return written;
    }
}
