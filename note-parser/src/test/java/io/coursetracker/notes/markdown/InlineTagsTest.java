package io.coursetracker.notes.markdown;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written {@link InlineTags#find} reports exactly what the {@link InlineTags#TAG} regex does. */
class InlineTagsTest {

    private static List<String> byRegex(String text) {
        List<String> tags = new ArrayList<>();
        Matcher tag = InlineTags.TAG.matcher(text);
        while (tag.find()) {
            InlineTags.normalise(tag.group(1)).ifPresent(tags::add);
        }
        return tags;
    }

    private static List<String> found(String text) {
        List<String> tags = new ArrayList<>();
        InlineTags.find(text, tags::add);
        return tags;
    }

    @ParameterizedTest
    @ValueSource(strings = {"#ML and #fast_ai/lesson-1 #2025 #2025/08 issue #42 a#b #_ #Ünïcode #日本 #a#b ##c",
        "#\u0301x #x\u0301y #١٢٣ #a١ #𝒜𝒷 #\uD835 \t#tab\n#nl\u000B#vt\f#ff\r#cr\u00A0#nbsp #é.", "#", "# #", "x #"})
    void findsWhatTheRegexFinds(String text) {
        assertThat(found(text)).isEqualTo(byRegex(text));
    }

    @Property(tries = 2000)
    void findsWhatTheRegexFindsInAnyMix(@ForAll("fragments") String text) {
        assertThat(found(text)).isEqualTo(byRegex(text));
    }

    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.of("#", "##", "a", "B", "_", "/", "-", "1", "٣", "é", "\u0301", "日", "𝒜", "\uD835", "🎯",
                        " ", "\t", "\n", "\u00A0", "\u2003", ".", ",", "x#")
                .list().ofMinSize(1).ofMaxSize(25)
                .map(parts -> String.join("", parts));
    }
}
