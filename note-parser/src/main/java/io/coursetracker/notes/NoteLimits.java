package io.coursetracker.notes;

/**
 * The most the parser reads from one note, so that one note's cost and its parsed size are bounded
 * whatever it holds. No real learner's note comes near them; a note beyond one still parses, keeps
 * the first items up to the limit, and gets a warning that names the limit (never an error: accepted
 * work is never lost). note-parser/README.md explains each.
 *
 * <p>Sized so that the parsed note, which travels as a Kafka event, stays far below 1 MiB of JSON
 * even when every character is a control character that JSON escapes as six bytes: at most
 * {@link #MAX_EXTRACTED_CHARS} characters of extracted text (384 KiB escaped) plus the structure
 * around at most {@link #MAX_TASKS} tasks and {@link #MAX_WARNINGS} warnings.
 */
public final class NoteLimits {

    /** Tasks read from a note; later tasks are dropped. */
    public static final int MAX_TASKS = 200;
    /** Questions (top-level items under a questions heading). */
    public static final int MAX_QUESTIONS = 100;
    /** Sub-questions, over all the note's questions. */
    public static final int MAX_SUB_QUESTIONS = 200;
    /** Distinct links of the note. */
    public static final int MAX_LINKS = 300;
    /** Links kept on one task. */
    public static final int MAX_TASK_LINKS = 20;
    /** Distinct tags, front matter and inline together. */
    public static final int MAX_TAGS = 100;
    /** Characters of one task's, question's or sub-question's text; a longer text is cut there. */
    public static final int MAX_ITEM_CHARS = 1_000;
    /** Characters of one link; a longer link is dropped (a cut URL would point elsewhere). */
    public static final int MAX_LINK_CHARS = 2_048;
    /** Characters of one tag; a longer tag is dropped. */
    public static final int MAX_TAG_CHARS = 100;
    /** Characters of all extracted text together (texts, links, tags); items past it are dropped. */
    public static final int MAX_EXTRACTED_CHARS = 65_536;
    /** Warnings on one note; a last warning says more were left out. */
    public static final int MAX_WARNINGS = 20;
    /** Characters of the learner's text quoted in one warning. */
    public static final int MAX_QUOTED_CHARS = 80;

    /** Characters of the YAML front matter block; a longer block is ignored. */
    public static final int MAX_FRONT_MATTER_CHARS = 65_536;
    /** YAML aliases ({@code *name}) to lists and maps in the front matter. */
    public static final int MAX_YAML_ALIASES = 20;
    /** Nesting depth of lists and maps in the front matter. */
    public static final int MAX_YAML_DEPTH = 20;

    private NoteLimits() {
    }

    /** At most {@link #MAX_QUOTED_CHARS} of {@code text}, for a warning, with an ellipsis when cut. */
    public static String quoted(String text) {
        return text.length() <= MAX_QUOTED_CHARS ? text : cut(text, MAX_QUOTED_CHARS) + "…";
    }

    /** The first {@code max} characters of {@code text}, never splitting a surrogate pair. */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
