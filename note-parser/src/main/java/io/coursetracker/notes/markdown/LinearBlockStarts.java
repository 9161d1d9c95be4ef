package io.coursetracker.notes.markdown;

import org.commonmark.internal.BlockQuoteParser;
import org.commonmark.internal.FencedCodeBlockParser;
import org.commonmark.internal.HeadingParser;
import org.commonmark.internal.HtmlBlockParser;
import org.commonmark.internal.IndentedCodeBlockParser;
import org.commonmark.internal.ListBlockParser;
import org.commonmark.internal.ThematicBreakParser;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.block.BlockParser;
import org.commonmark.parser.block.BlockParserFactory;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

import java.lang.ref.WeakReference;
import java.util.List;

/**
 * commonmark's core block starts, in commonmark's own order, with the list start made linear.
 *
 * <p>Why: commonmark-java (0.30.0, and its main branch) asks its list factory about every line that
 * does not start with a letter, and the factory asks {@link MatchedBlockParser#getParagraphLines()}
 * only to see whether a paragraph is open; commonmark answers with a copy of all the paragraph's lines
 * so far. A paragraph of n such lines ({@code [x](y)} on each) costs n²/2 line copies: 1 MiB took 12 s
 * and allocated 86 KB per byte. Here the list factory gets the same answer, but once a paragraph is
 * known to have lines (it keeps them until it closes), it is told so without the copy.
 *
 * <p>The core factories are named because custom factories run before the core ones: adding only
 * the list factory would let a list start where commonmark sees a thematic break ({@code - - -}). The
 * parser is built with no core block type enabled and these instead.
 */
final class LinearBlockStarts {

    private LinearBlockStarts() {
    }

    static List<BlockParserFactory> coreFactories() {
        return List.of(
                new BlockQuoteParser.Factory(),
                new HeadingParser.Factory(),
                new FencedCodeBlockParser.Factory(),
                new HtmlBlockParser.Factory(),
                new ThematicBreakParser.Factory(),
                new ListStart(),
                new IndentedCodeBlockParser.Factory());
    }

    /** {@link ListBlockParser.Factory} with {@link #getParagraphLines()} answered without a copy once known. */
    private static final class ListStart implements BlockParserFactory {
        /** Stands for "some lines": the list factory only asks whether the lines are empty. */
        private static final SourceLines SOME_LINES = SourceLines.of(List.of(SourceLine.of("paragraph", null)));

        private final BlockParserFactory lists = new ListBlockParser.Factory();
        /** The paragraph this thread last saw with lines; weak, so a parsed note is not kept. */
        private final ThreadLocal<WeakReference<BlockParser>> paragraphWithLines =
                ThreadLocal.withInitial(() -> new WeakReference<>(null));

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            return lists.tryStart(state, new MatchedBlockParser() {
                @Override
                public BlockParser getMatchedBlockParser() {
                    return matched.getMatchedBlockParser();
                }

                @Override
                public SourceLines getParagraphLines() {
                    BlockParser parser = matched.getMatchedBlockParser();
                    if (!(parser.getBlock() instanceof Paragraph)) {
                        return SourceLines.empty();
                    }
                    if (paragraphWithLines.get().get() == parser) {
                        return SOME_LINES;
                    }
                    SourceLines lines = matched.getParagraphLines();
                    if (!lines.isEmpty()) {
                        paragraphWithLines.set(new WeakReference<>(parser));
                    }
                    return lines;
                }
            });
        }
    }
}
