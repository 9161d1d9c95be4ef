package io.coursetracker.benchmarks.parser;

import java.nio.charset.StandardCharsets;

/**
 * Notes that are one single line of a given size, for showing that parsing time grows linearly
 * with the line: a backtracking regex or a rescan per inline marker would make time per byte grow.
 */
public final class LongLineNotes {

    /** Insight-like prose: links, wikilinks, emphasis, code spans, tags, bare URLs and non-ASCII. */
    private static final String PROSE = "Fine-tuning a **pretrained** model beats training from scratch — see "
            + "[lesson 1](https://course.fast.ai/Lessons/lesson1.html) and [[PyTorch]]; `learn.fine_tune(3)` "
            + "took 40 s on Kaggle, https://www.kaggle.com/code is free, _try it_ #til. Jürgen’s “résumé” 🤯 ";

    /**
     * Fragments that open inline constructs and never close them: brackets and wikilink openers,
     * emphasis runs, tag and heading marks, URL prefixes, autolink and code-span openers. Each
     * makes a naive parser look ahead to the end of the line.
     */
    private static final String PATHOLOGICAL = "[ [[ ![ *_ ** __ # #a http:// https://x www. <http `` [x] ](( ";

    private LongLineNotes() {
    }

    public static byte[] prose(int bytes) {
        return repeatedTo(PROSE, bytes);
    }

    public static byte[] pathological(int bytes) {
        return repeatedTo(PATHOLOGICAL, bytes);
    }

    public static byte[] of(String shape, int bytes) {
        switch (shape) {
            case "prose":
                return prose(bytes);
            case "pathological":
                return pathological(bytes);
            default:
                throw new IllegalArgumentException("unknown long-line shape " + shape);
        }
    }

    /** The fragment repeated to exactly {@code bytes} bytes, cut back to a whole character, one line, no newline. */
    private static byte[] repeatedTo(String fragment, int bytes) {
        byte[] unit = fragment.getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            line[i] = unit[i % unit.length];
        }
        // Replace a multi-byte character cut at the end by spaces, so the note is valid UTF-8.
        int end = bytes;
        int start = end - 1;
        while (start > 0 && (line[start] & 0xC0) == 0x80) {
            start--;
        }
        if (start >= 0 && (line[start] & 0x80) != 0 && start + sequenceLength(line[start]) > end) {
            for (int i = start; i < end; i++) {
                line[i] = ' ';
            }
        }
        return line;
    }

    private static int sequenceLength(byte lead) {
        int b = lead & 0xFF;
        if (b >= 0xF0) {
            return 4;
        }
        if (b >= 0xE0) {
            return 3;
        }
        return b >= 0xC0 ? 2 : 1;
    }
}
