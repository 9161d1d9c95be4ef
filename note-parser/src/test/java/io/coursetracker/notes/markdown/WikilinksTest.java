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
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written {@link Wikilinks#next} finds exactly what the regex it replaced found. */
class WikilinksTest {

    /** The regex used before, kept as the definition. */
    private static final Pattern WIKILINK = Pattern.compile("(!?)\\[\\[([^\\[\\]\\n]+?)]]");

    private static List<String> byRegex(String literal) {
        List<String> found = new ArrayList<>();
        Matcher matcher = WIKILINK.matcher(literal);
        while (matcher.find()) {
            found.add(matcher.start() + "-" + matcher.end() + " " + !matcher.group(1).isEmpty() + " " + matcher.group(2));
        }
        return found;
    }

    private static List<String> byScanner(String literal) {
        List<String> found = new ArrayList<>();
        for (Wikilinks.Wikilink link = Wikilinks.next(literal, 0); link != null; link = Wikilinks.next(literal, link.end())) {
            found.add(link.start() + "-" + link.end() + " " + link.embed() + " " + link.inner());
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"[[Lesson 1]]", "see [[a|b]] and ![[img.png|500]] then [[c]]", "[[[a]]]", "![[]] [[ ]]",
        "[[a]b]] [[a\nb]] [[a]]]] !![[x]] [[a[[b]]", "[[unclosed", "]][[", "![[a]]![[b]][[c]]", "x![[a]"})
    void findsWhatTheRegexFinds(String literal) {
        assertThat(byScanner(literal)).isEqualTo(byRegex(literal));
    }

    @Property(tries = 2000)
    void findsWhatTheRegexFindsInAnyMix(@ForAll("fragments") String literal) {
        assertThat(byScanner(literal)).isEqualTo(byRegex(literal));
    }

    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.of("[", "]", "[[", "]]", "!", "![[", "a", "b c", "|", "\n", "\r", " ", "é", "🎯")
                .list().ofMinSize(1).ofMaxSize(30)
                .map(parts -> String.join("", parts));
    }
}
