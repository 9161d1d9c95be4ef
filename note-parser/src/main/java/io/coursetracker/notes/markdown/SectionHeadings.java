package io.coursetracker.notes.markdown;

import io.coursetracker.contracts.note.Section;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a second-level heading by its words, whatever emoji or broken bytes precede it
 * ({@code 🎯 Goals for Today}, {@code ğŸ¯ Goals for Today}, {@code Open Questions}). The first
 * word that names a section decides, so {@code Insights and Reflections} is insights and
 * {@code What I Studied} is studied.
 */
final class SectionHeadings {

    private static final Map<String, Section> KEYWORDS = Map.ofEntries(
            Map.entry("goal", Section.GOALS),
            Map.entry("goals", Section.GOALS),
            Map.entry("studied", Section.STUDIED),
            Map.entry("learned", Section.STUDIED),
            Map.entry("learnt", Section.STUDIED),
            Map.entry("insight", Section.INSIGHTS),
            Map.entry("insights", Section.INSIGHTS),
            Map.entry("reflection", Section.INSIGHTS),
            Map.entry("reflections", Section.INSIGHTS),
            Map.entry("question", Section.QUESTIONS),
            Map.entry("questions", Section.QUESTIONS));

    /** ASCII words only: the keywords are English, and mojibake letters such as ğ or Ÿ are noise. */
    private static final Pattern WORD = Pattern.compile("[a-z]+");

    private SectionHeadings() {
    }

    static Optional<Section> recognise(String headingText) {
        Matcher word = WORD.matcher(headingText.toLowerCase(Locale.ROOT));
        while (word.find()) {
            Section section = KEYWORDS.get(word.group());
            if (section != null) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }
}
