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
import org.nibor.autolink.Span;

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

    /** Splits the text node into text and link nodes, with source spans cut from the original. */
    private void linkify(Text text) {
        String literal = text.getLiteral();
        List<SourceSpan> spans = text.getSourceSpans();
        SourceSpan span = spans.size() == 1 ? spans.get(0) : null;
        Node last = text;
        Iterator<Span> parts = extractor.extractSpans(literal).iterator();
        while (parts.hasNext()) {
            Span part = parts.next();
            if (last == text && !parts.hasNext() && !(part instanceof LinkSpan)) {
                // The whole literal is one plain span: nothing to change.
                return;
            }
            Text partText = new Text(literal.substring(part.getBeginIndex(), part.getEndIndex()));
            if (span != null) {
                partText.addSourceSpan(span.subSpan(part.getBeginIndex(), part.getEndIndex()));
            }
            if (part instanceof LinkSpan) {
                Link link = new Link(destination((LinkSpan) part, partText.getLiteral()), null);
                link.appendChild(partText);
                link.setSourceSpans(partText.getSourceSpans());
                last.insertAfter(link);
                last = link;
            } else {
                last.insertAfter(partText);
                last = partText;
            }
        }
        text.unlink();
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
