package io.coursetracker.notes.markdown;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
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
 * {@link LinkWithoutEmphasisProcessor} is only a faster path: with it, commonmark builds the same
 * tree as without it, compared through commonmark's HTML rendering (which shows every node, its
 * destination, title and text). Nothing here is timed; the parser benchmark shows the speed.
 */
class LinkWithoutEmphasisProcessorTest {

    private static final Parser COMMONMARK = Parser.builder()
            .extensions(List.of(AutolinkExtension.create()))
            .build();
    private static final Parser WITH_PROCESSOR = Parser.builder()
            .extensions(List.of(AutolinkExtension.create()))
            .linkProcessor(new LinkWithoutEmphasisProcessor())
            .build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().build();

    private static void assertSameTree(String markdown) {
        assertThat(HTML.render(WITH_PROCESSOR.parse(markdown)))
                .as("HTML of %s", markdown)
                .isEqualTo(HTML.render(COMMONMARK.parse(markdown)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Watch [Lesson 1](https://course.fast.ai/Lessons/lesson1.html) today",
        "[a](b \"title\") and ![alt](img.png 'pic') and [empty]()",
        "[*emphasis* inside](u) and [**strong** inside](u) and [_under_ inside](u)",
        "*around [a link](u) it* and _around [a link](u) it_ and **[x](y)**",
        "[`code_with_underscores`](u) and [`a*b`](u) and [a `b` c](u)",
        "[outer [inner](i) text](o) and [a [b] c](d) and [[wiki]] and [[a|b]](c)",
        "[![image](i.png)](link) and [![*em* image](i.png) text](link) and ![[embed.png|500]]",
        "[text with <span>html</span>](u) and [<http://auto.link>](u) and [see https://x.org](u)",
        "[a\\*b](u) and [a&amp;b](u) and [a\\_b](u) and [hard  \nbreak](u) and [soft\nbreak](u)",
        "[ref] and [ref][] and [text][ref] and [nope]\n\n[ref]: /destination \"T\"",
        "*a [b](c) d* [e](f) _g [h](i)_ **[j](k) l** ***m*** [n](o)",
        "[a](<b c>) and [a](b(c)) and [a]( b ) and [a](#anchor) and ![a](<b>)",
        "- [x] Read [chapter 1](https://github.com/fastai/fastbook/blob/master/01_intro.ipynb) *now*\n- [ ] [a](b)",
        "[*unclosed](u) and [closed*](u) and *[x*](y) and [**](u) and [__](u)",
        "[link](u)[link](u)![i](j)[k](l) text [m](n)",
    })
    void buildsTheTreeCommonmarkBuilds(String markdown) {
        assertSameTree(markdown);
    }

    @Test
    void buildsTheTreeCommonmarkBuildsForEveryTestVaultNote() throws IOException, URISyntaxException {
        Path vault = Path.of(getClass().getResource("/vault").toURI());
        try (Stream<Path> files = Files.walk(vault)) {
            for (Path note : files.filter(Files::isRegularFile).toList()) {
                assertSameTree(Files.readString(note, StandardCharsets.UTF_8));
            }
        }
    }

    @Property(tries = 500)
    void buildsTheTreeCommonmarkBuildsForAnyMixOfLinksAndEmphasis(@ForAll("markdownFragments") String markdown) {
        assertSameTree(markdown);
    }

    @Provide
    Arbitrary<String> markdownFragments() {
        return Arbitraries.of("[", "]", "(", ")", "![", "](u)", "](u \"t\")", "*", "**", "_", "__", "`", " ",
                        "a", "b c", "\n", "[[", "]]", "<", ">", "http://x.org", "\\", "[r]", "\n\n[r]: /d\n")
                .list().ofMinSize(1).ofMaxSize(40)
                .map(fragments -> String.join("", fragments));
    }
}
