package io.coursetracker.notes.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Obsidian's wikilinks {@code [[target]]}, {@code [[target|alias]]} and embeds
 * {@code ![[file.png|500]]} inside a text node's literal.
 *
 * <p>They are not CommonMark syntax and there is no maintained commonmark-java extension for them,
 * so commonmark leaves them as plain text and they are found here by hand. Code spans and code
 * blocks never reach this class, so a wikilink in code is not a link.
 */
final class Wikilinks {

    static final Pattern WIKILINK = Pattern.compile("(!?)\\[\\[([^\\[\\]\\n]+?)]]");

    private Wikilinks() {
    }

    /** The note or file a wikilink points to: what comes before {@code |} (alias or embed size). */
    static String target(Matcher wikilink) {
        String inner = wikilink.group(2);
        int pipe = inner.indexOf('|');
        return (pipe < 0 ? inner : inner.substring(0, pipe)).trim();
    }

    /** What Obsidian shows for the wikilink: the alias of a link, else its target. */
    static String displayText(Matcher wikilink) {
        String inner = wikilink.group(2);
        int pipe = inner.indexOf('|');
        boolean embed = !wikilink.group(1).isEmpty();
        if (pipe < 0 || embed) {
            return target(wikilink);
        }
        return inner.substring(pipe + 1).trim();
    }
}
