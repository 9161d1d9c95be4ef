package io.coursetracker.notes.markdown;

import io.coursetracker.notes.NoteParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BareLinkPostProcessor} must build exactly the tree commonmark's autolink extension builds
 * (node by node: type, literal, destination, source spans), only faster; and the note's links must
 * still hold bare URLs, {@code www.} addresses and e-mails, and nothing where there is none.
 */
class BareLinkPostProcessorTest {

    private static final Parser EXTENSION = Parser.builder()
            .extensions(List.of(AutolinkExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private static final Parser POST_PROCESSOR = Parser.builder()
            .postProcessor(new BareLinkPostProcessor())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private static void assertSameTree(String markdown) {
        assertThat(dump(POST_PROCESSOR.parse(markdown)))
                .as("tree of %s", markdown)
                .isEqualTo(dump(EXTENSION.parse(markdown)));
    }

    /** Every node in document order with what the extraction reads from it. */
    private static String dump(Node document) {
        StringBuilder out = new StringBuilder();
        dump(document, 0, out);
        return out.toString();
    }

    private static void dump(Node node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(node.getClass().getSimpleName());
        if (node instanceof Text text) {
            out.append(" '").append(text.getLiteral()).append('\'');
        }
        if (node instanceof Link link) {
            out.append(" -> ").append(link.getDestination()).append(" title ").append(link.getTitle());
        }
        for (SourceSpan span : node.getSourceSpans()) {
            out.append(" @").append(span.getLineIndex()).append(':').append(span.getColumnIndex())
                    .append('+').append(span.getLength());
        }
        out.append('\n');
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            dump(child, depth + 1, out);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "See https://docs.fast.ai/#install and www.fast.ai, or write to jeremy@fast.ai.",
        "No link at all here, just words; and numbers 3.14 and #tags and *emphasis*.",
        "Time 10:30, ratio 2:1, a: b, mailto: nobody, user@ alone, @mention, www, wwwx.org, www.",
        "ftp://files.example.org/a.zip and HTTPS://EXAMPLE.ORG and WWW.EXAMPLE.ORG and a@b",
        "[a link](https://x.org) with https://inside.org text, and [https://in-label.org](u)",
        "`https://in.code` and <https://angle.org> and <me@angle.org> and ![i](https://img.png)",
        "[[https://wiki.link]] and [[Lesson 1|see www.x.org]] then mail@x.com#tag and https://x.org#y",
        "- [ ] https://x.org first\n- [x] write to a@b.co\n  - www.nested.org\n\n# 2025-08-02 https://h.org",
        "line one https://a.org\nline two www.b.org  \nhard break c@d.org",
        "(https://paren.org) \"https://quote.org\" https://trail.org. https://trail.org, end:",
    })
    void buildsTheTreeTheAutolinkExtensionBuilds(String markdown) {
        assertSameTree(markdown);
    }

    @Test
    void buildsTheTreeTheAutolinkExtensionBuildsForEveryTestVaultNote() throws IOException, URISyntaxException {
        Path vault = Path.of(getClass().getResource("/vault").toURI());
        try (Stream<Path> files = Files.walk(vault)) {
            for (Path note : files.filter(Files::isRegularFile).toList()) {
                assertSameTree(Files.readString(note, StandardCharsets.UTF_8));
            }
        }
    }

    @Property(tries = 1000)
    void buildsTheTreeTheAutolinkExtensionBuildsForAnyMix(@ForAll("fragments") String markdown) {
        assertSameTree(markdown);
    }

    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.of("https://", "http://x.org", "www.", "w", "ww", ".", ":", "//", "@", "a@b", ".com",
                        "x", "y.org", " ", "\n", "\n\n", "[", "](u)", "[[", "]]", "<", ">", "`", "*", "_", "#t",
                        "(", ")", ",", "-", "- ", "é", "🎯", "\\", "&amp;", "mailto:", "/", "?q=1")
                .list().ofMinSize(1).ofMaxSize(30)
                .map(parts -> String.join("", parts));
    }

    @Test
    void noteLinksHoldBareUrlsWwwAddressesAndEmails() {
        var note = new NoteParser().parse("n.md", ("# 2025-08-02\n\nRead https://docs.fast.ai/tutorial, then"
                + " www.kaggle.com and ask jeremy@fast.ai (or ftp://files.fast.ai/x).\n").getBytes(StandardCharsets.UTF_8));
        assertThat(note.links()).containsExactly("https://docs.fast.ai/tutorial", "http://www.kaggle.com",
                "mailto:jeremy@fast.ai", "ftp://files.fast.ai/x");
    }

    @Test
    void noteLinksAreEmptyWhereThereIsNoLink() {
        var note = new NoteParser().parse("n.md", ("# 2025-08-02\n\nAt 10:30 the ratio was 2:1; @jeremy said"
                + " www is short for web, see wwwx and example.com.\n\n- [ ] nothing: here\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(note.links()).isEmpty();
    }
}
