package io.coursetracker.notes.markdown;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline {@code #tags} as Obsidian reads them: {@code #} at the start of the text or after a space,
 * then letters (any script), digits, {@code _}, {@code -} and {@code /} for nesting, with at least
 * one letter or {@code _} ({@code #2025}, {@code #2025/08} and {@code issue #42} are not tags).
 */
public final class InlineTags {

    private static final Pattern TAG = Pattern.compile("(?<=\\A|\\s)#([\\p{L}\\p{M}\\p{Nd}_/-]+)");
    private static final Pattern WHOLE_TAG = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}_/-]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[\\p{L}_].*");

    private InlineTags() {
    }

    /** Reports each tag in {@code text}, lower-case and without {@code #}. */
    static void find(String text, Consumer<String> onTag) {
        if (text.indexOf('#') < 0) {
            // Most text has no tag; skip the regex and its lookbehind at every position.
            return;
        }
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            normalise(tag.group(1)).ifPresent(onTag);
        }
    }

    /** A tag as written in the front matter or inline ({@code #ML}, {@code ml}) in its reported form. */
    public static Optional<String> normalise(String written) {
        String tag = written.startsWith("#") ? written.substring(1) : written;
        if (!WHOLE_TAG.matcher(tag).matches() || !HAS_LETTER.matcher(tag).matches()) {
            return Optional.empty();
        }
        return Optional.of(tag.toLowerCase(Locale.ROOT));
    }
}
