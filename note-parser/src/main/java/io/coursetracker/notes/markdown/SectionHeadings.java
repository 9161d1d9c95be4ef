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

    private static final int LONGEST_KEYWORD = KEYWORDS.keySet().stream().mapToInt(String::length).max().orElseThrow();

    private SectionHeadings() {
    }

    static Optional<Section> recognise(String headingText) {
        // Written out for ASCII headings (what WORD finds in the lower-cased text: runs of ASCII
        // letters), without a lower-cased copy and a matcher per heading; other text as before,
        // since lower-casing may turn a non-ASCII character into ASCII letters (K, İ).
        int start = -1;
        for (int i = 0; i <= headingText.length(); i++) {
            char c = i < headingText.length() ? headingText.charAt(i) : ' ';
            if (c >= 0x80) {
                return recogniseByRegex(headingText);
            }
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                Section section = i - start <= LONGEST_KEYWORD
                        ? KEYWORDS.get(headingText.substring(start, i).toLowerCase(Locale.ROOT)) : null;
                if (section != null) {
                    return Optional.of(section);
                }
                start = -1;
            }
        }
        return Optional.empty();
    }

    private static Optional<Section> recogniseByRegex(String headingText) {
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
