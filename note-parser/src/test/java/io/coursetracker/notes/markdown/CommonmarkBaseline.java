package io.coursetracker.notes.markdown;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

import java.util.Set;

/**
 * commonmark-java on its own, the baseline {@code WorkBudget} holds our parser against: its core
 * block parsers and inline parsing, no extension, no post-processor, no visitor.
 *
 * <p>Not {@code Parser.builder().build()} as such: that parser copies a paragraph's lines on every
 * line that does not start with a letter (see {@link LinearBlockStarts}), so a paragraph of
 * {@code [x](y)} lines costs it 12 s and 86 KB per byte at 1 MiB, and a baseline that is quadratic
 * would excuse anything. The list start made linear builds the very same tree
 * ({@code LinearBlockStartsTest}); on inputs where bare commonmark is linear the two cost the same
 * within a few bytes per line.
 */
public final class CommonmarkBaseline {

    private static final Parser COMMONMARK = LinearBlockStarts.coreFactories().stream()
            .reduce(Parser.builder().enabledBlockTypes(Set.of()), Parser.Builder::customBlockParserFactory, (a, b) -> a)
            .build();
    private static final Parser BARE = Parser.builder().build();

    private CommonmarkBaseline() {
    }

    public static Node parse(String markdown) {
        return COMMONMARK.parse(markdown);
    }

    /** {@code Parser.builder().build()}, for comparing with {@link #parse} where it is linear. */
    public static Node parseBare(String markdown) {
        return BARE.parse(markdown);
    }
}
