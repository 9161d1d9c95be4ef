package io.coursetracker.notes.markdown;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The linear list start builds the tree commonmark builds, without its quadratic paragraph copies. Plain JUnit. */
class LinearBlockStartsTest {

    private static final Parser COMMONMARK = Parser.builder().build();
    private static final Parser LINEAR = LinearBlockStarts.coreFactories().stream()
            .reduce(Parser.builder().enabledBlockTypes(Set.of()), Parser.Builder::customBlockParserFactory, (a, b) -> a)
            .build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().build();

    @Property(tries = 2_000)
    void blocksAreWhatCommonmarkBuilds(@ForAll @StringLength(max = 120) @Chars({'-', '*', '+', '1', '2', '.', ')', ' ',
            '\n', '>', '#', '=', '`', '~', '<', '[', ']', ':', '(', 'x', '\t', '|'}) String markdown) {
        assertThat(HTML.render(LINEAR.parse(markdown))).isEqualTo(HTML.render(COMMONMARK.parse(markdown)));
    }

    @Test
    void aParagraphOfLinesStartingWithABracketIsLinear() {
        String markdown = "[x](y)\n".repeat(150_000);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        LINEAR.parse("[x](y)\n".repeat(1_000));

        long allocated = threads.getCurrentThreadAllocatedBytes();
        LINEAR.parse(markdown);
        allocated = threads.getCurrentThreadAllocatedBytes() - allocated;

        // commonmark's own list start allocated 86 KB per character here (about 90 GB); the tree itself ~300 bytes.
        assertThat(allocated / markdown.length()).isLessThan(1_000);
    }
}
