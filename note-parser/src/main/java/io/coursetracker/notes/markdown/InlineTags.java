package io.coursetracker.notes.markdown;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Inline {@code #tags} as Obsidian reads them: {@code #} at the start of the text or after a space,
 * then letters (any script), digits, {@code _}, {@code -} and {@code /} for nesting, with at least
 * one letter or {@code _} ({@code #2025}, {@code #2025/08} and {@code issue #42} are not tags).
 */
public final class InlineTags {

    /** The definition of an inline tag; {@link #find} does the same by hand (see the tests). */
    static final Pattern TAG = Pattern.compile("(?<=\\A|\\s)#([\\p{L}\\p{M}\\p{Nd}_/-]+)");
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
        // What TAG finds, written out: the regex tries its lookbehind at every character.
        int end = 0;
        for (int hash = text.indexOf('#'); hash >= 0; hash = text.indexOf('#', Math.max(hash + 1, end))) {
            if (hash > 0 && !isRegexSpace(text.charAt(hash - 1))) {
                continue;
            }
            end = hash + 1;
            boolean hasLetter = false;
            while (end < text.length()) {
                int c = text.codePointAt(end);
                if (!isTagCharacter(c)) {
                    break;
                }
                hasLetter |= c == '_' || Character.isLetter(c);
                end += Character.charCount(c);
            }
            if (end > hash + 1 && hasLetter) {
                onTag.accept(text.substring(hash + 1, end).toLowerCase(Locale.ROOT));
            }
        }
    }

    /** {@code \s} of a regex without flags. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** {@code [\p{L}\p{M}\p{Nd}_/-]}. */
    private static boolean isTagCharacter(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '/' || c == '-';
        }
        switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.COMBINING_SPACING_MARK:
            case Character.DECIMAL_DIGIT_NUMBER:
                return true;
            default:
                return false;
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
