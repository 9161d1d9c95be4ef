package io.coursetracker.contracts.catalog;

import io.coursetracker.contracts.note.LessonMention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resolver's cost is linear in the task it reads, whatever the learner wrote: progress-service
 * runs it again inside its apply transaction, so a quadratic pattern there stalls every learner.
 * Plain JUnit, no framework.
 */
class ResolverWorkTest {

    private static final LessonMentionResolver RESOLVER =
            LessonMentionResolver.forCatalogs(List.of(BundledCatalogs.fastaiPart1()));

    @Test
    void urlFollowedByAHundredThousandDotsIsReadInLinearTime() {
        String text = "Watch http://x" + ".".repeat(100_000) + "y";
        RESOLVER.resolve(text, List.of());

        long start = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        List<LessonMention> mentions = RESOLVER.resolve(text, List.of(text));
        long nanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - start;

        assertThat(mentions).isEmpty();
        assertThat(nanos / 1_000_000).as("CPU ms").isLessThan(250);
    }

    @Test
    void trailingPunctuationIsStrippedFromUrlsInText() {
        assertThat(LessonUrls.findIn("see https://course.fast.ai/Lessons/lesson3.html.,;:!?*_~ and www.x.org/a_b."))
                .containsExactly("https://course.fast.ai/Lessons/lesson3.html", "www.x.org/a_b");
        assertThat(LessonUrls.withoutTrailingPunctuation("http://x" + ".".repeat(10) + "y")).isEqualTo("http://x..........y");
        assertThat(LessonUrls.withoutTrailingPunctuation("...")).isEmpty();
    }

    /**
     * Each string is repeated to the size asked; together they reach every pattern the resolver applies
     * to a task's text and links (URLs in text, trailing punctuation, schemes, aliases with their runs of
     * spaces, activity words) with the runs that make a backtracking pattern slow.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            ".", "http://x.", "http://x", "https://", "www.", "www", ":", "a", "Lesson ", "lesson", " ",
            "\u00A0", "Lesson", "lesson 1 ", "Lesson #", "#", "1", "_", "*", "~", "!", "?", "[[", "]]", "|",
            "Watch lesson 3", "http://x/" })
    void resolvingGrowsLinearlyWithRunsOfAnyPiece(String piece) {
        WorkGrowth.assertLinear("runs of '" + piece + "'", 5_000,
                size -> piece.repeat(Math.max(1, size / piece.length())) + "y",
                text -> RESOLVER.resolve(text, List.of(text, "[[" + text + "]]")));
        WorkGrowth.assertLinear("runs of '" + piece + "' inside a URL", 5_000,
                size -> "Watch http://x" + piece.repeat(Math.max(1, size / piece.length())) + "y",
                text -> RESOLVER.resolve(text, List.of(text)));
    }
}
