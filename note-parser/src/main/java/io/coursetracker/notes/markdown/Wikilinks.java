package io.coursetracker.notes.markdown;

/**
 * Obsidian's wikilinks {@code [[target]]}, {@code [[target|alias]]} and embeds
 * {@code ![[file.png|500]]} inside a text node's literal.
 *
 * <p>They are not CommonMark syntax and there is no maintained commonmark-java extension for them,
 * so commonmark leaves them as plain text and they are found here by hand. Code spans and code
 * blocks never reach this class, so a wikilink in code is not a link.
 */
final class Wikilinks {

    private Wikilinks() {
    }

    /**
     * One wikilink in a literal.
     *
     * @param start where it starts ({@code !} of an embed, else the first {@code [})
     * @param end   just after its {@code ]]}
     * @param embed whether it is an embed {@code ![[…]]}
     * @param inner what is between the brackets
     */
    record Wikilink(int start, int end, boolean embed, String inner) {

        /** The note or file it points to: what comes before {@code |} (alias or embed size). */
        String target() {
            int pipe = inner.indexOf('|');
            return (pipe < 0 ? inner : inner.substring(0, pipe)).trim();
        }

        /** What Obsidian shows for it: the alias of a link, else its target. */
        String displayText() {
            int pipe = inner.indexOf('|');
            if (pipe < 0 || embed) {
                return target();
            }
            return inner.substring(pipe + 1).trim();
        }
    }

    /**
     * The first wikilink starting at or after {@code from}, or null. It matches what the regex
     * {@code (!?)\[\[([^\[\]\n]+?)]]} finds from {@code from}; written out by hand because that
     * regex tries its optional {@code !} at every character of the literal.
     */
    static Wikilink next(String literal, int from) {
        for (int open = literal.indexOf("[[", from); open >= 0; open = literal.indexOf("[[", open + 1)) {
            int close = open + 2;
            while (close < literal.length() && !isBracketOrNewline(literal.charAt(close))) {
                close++;
            }
            // At least one character inside, and the first bracket after it starts "]]".
            if (close > open + 2 && close + 1 < literal.length()
                    && literal.charAt(close) == ']' && literal.charAt(close + 1) == ']') {
                boolean embed = open > from && literal.charAt(open - 1) == '!';
                return new Wikilink(embed ? open - 1 : open, close + 2, embed, literal.substring(open + 2, close));
            }
        }
        return null;
    }

    private static boolean isBracketOrNewline(char c) {
        return c == '[' || c == ']' || c == '\n';
    }
}
