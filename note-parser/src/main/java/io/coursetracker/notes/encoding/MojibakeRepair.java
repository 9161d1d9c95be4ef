package io.coursetracker.notes.encoding;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;

/**
 * Undoes double encoding: UTF-8 bytes that were read as Windows-1252 or Windows-1254 and saved
 * again as UTF-8, so that {@code 🎯} reads {@code ğŸ¯} and {@code —} reads {@code â€”}.
 *
 * <p>No library does this for Java (ftfy is Python), hence the hand-written code. It works on runs
 * of characters that a Windows code page maps to bytes 0x80–0xFF (every byte of a multi-byte UTF-8
 * sequence is in that range, so mojibake never contains ASCII). Inside a run it maps the characters
 * back to bytes and replaces each complete, valid UTF-8 sequence by its character; everything else
 * is kept as it is. Sequences that lost a byte on the way therefore stay broken, and genuine text
 * stays intact: letters such as {@code ğüşıö äöüß} are lead bytes that are never followed by the
 * continuation bytes a valid sequence needs, and Japanese is outside the code pages altogether.
 */
final class MojibakeRepair {

    /** Character → the byte it stands for in Windows-1252 or Windows-1254 (both, merged). */
    private static final Map<Character, Byte> HIGH_BYTE_OF = highByteTable();

    /**
     * The same table indexed by character, 0 where there is no byte (no character stands for 0):
     * it is asked for every character of a note, so an array, not a map of boxed characters.
     */
    private static final byte[] HIGH_BYTE_BY_CHARACTER = highByteArray();

    private static final String QUOTES_AND_DASHES = "‘’“”‚„‹›–—";

    private static Map<Character, Byte> highByteTable() {
        Map<Character, Byte> table = new HashMap<>();
        for (int b = 0x80; b <= 0xFF; b++) {
            // C1 controls and Latin-1 characters stand for their own byte, as when a tool read the
            // bytes as ISO-8859-1 or kept the code page's unassigned bytes (0x81, 0x8D, …) as is.
            table.put((char) b, (byte) b);
        }
        for (String codePage : new String[] {"windows-1252", "windows-1254"}) {
            Charset charset = Charset.forName(codePage);
            for (int b = 0x80; b <= 0xFF; b++) {
                String decoded = new String(new byte[] {(byte) b}, charset);
                if (decoded.length() == 1 && decoded.charAt(0) != '\uFFFD') {
                    table.put(decoded.charAt(0), (byte) b);
                }
            }
        }
        return Map.copyOf(table);
    }

    private static byte[] highByteArray() {
        byte[] array = new byte[Character.MAX_VALUE + 1];
        HIGH_BYTE_OF.forEach((character, highByte) -> array[character] = highByte);
        return array;
    }

    Result repair(String text) {
        int runStart = nextCodePageCharacter(text, 0);
        if (runStart < 0) {
            // Nothing a code page could have produced: the text stays as it is, without a copy.
            return new Result(text, 0);
        }
        StringBuilder repaired = new StringBuilder(text.length());
        int repairs = 0;
        int copied = 0;
        while (runStart >= 0) {
            repaired.append(text, copied, runStart);
            int runEnd = runStart;
            while (runEnd < text.length() && isCodePageCharacter(text.charAt(runEnd))) {
                runEnd++;
            }
            repairs += repairRun(text, runStart, runEnd, repaired);
            copied = runEnd;
            runStart = nextCodePageCharacter(text, runEnd);
        }
        repaired.append(text, copied, text.length());
        return new Result(repaired.toString(), repairs);
    }

    private static int nextCodePageCharacter(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (isCodePageCharacter(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether a Windows code page maps the character to a byte 0x80–0xFF. ASCII never is, and it is
     * nearly all of a note, so it is answered before the (boxing) map lookup.
     */
    private static boolean isCodePageCharacter(char c) {
        return HIGH_BYTE_BY_CHARACTER[c] != 0;
    }

    /**
     * Appends the run {@code text[start, end)} with its valid UTF-8 sequences decoded; returns how
     * many were. Works on the text in place: no copy of the run, no byte array, no decoder buffers.
     */
    private static int repairRun(String text, int start, int end, StringBuilder out) {
        int repairs = 0;
        int k = start;
        while (k < end) {
            int length = sequenceLength(byteAt(text, k));
            int codePoint = length > 1 && k + length <= end ? decodeUtf8(text, k, length) : -1;
            if (codePoint >= 0 && isPlausible(codePoint) && !isLetterBeforeQuotes(text, k, length)) {
                out.appendCodePoint(codePoint);
                repairs++;
                k += length;
            } else {
                out.append(text.charAt(k));
                k++;
            }
        }
        return repairs;
    }

    private static int byteAt(String text, int index) {
        return HIGH_BYTE_BY_CHARACTER[text.charAt(index)] & 0xFF;
    }

    /** Length of the UTF-8 sequence a lead byte starts, or 0 for a byte that is no lead. */
    private static int sequenceLength(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            return 2;
        }
        if (b >= 0xE0 && b <= 0xEF) {
            return 3;
        }
        if (b >= 0xF0 && b <= 0xF4) {
            return 4;
        }
        return 0;
    }

    /**
     * The code point of the {@code length}-byte sequence the characters at {@code offset} stand for,
     * or -1 when it is not well-formed UTF-8 (what the JDK's strict decoder rejects: a byte that is no
     * continuation, an overlong form, a surrogate, beyond U+10FFFF). The lead byte is valid
     * ({@link #sequenceLength}).
     */
    static int decodeUtf8(String text, int offset, int length) {
        int lead = byteAt(text, offset);
        int second = byteAt(text, offset + 1);
        // The second byte's range depends on the lead (Unicode table 3-7); later ones are 0x80–0xBF.
        int low = 0x80;
        int high = 0xBF;
        if (lead == 0xE0) {
            low = 0xA0;
        } else if (lead == 0xED) {
            high = 0x9F;
        } else if (lead == 0xF0) {
            low = 0x90;
        } else if (lead == 0xF4) {
            high = 0x8F;
        }
        if (second < low || second > high) {
            return -1;
        }
        int codePoint = (lead & (0xFF >> (length + 1))) << 6 | (second & 0x3F);
        for (int k = 2; k < length; k++) {
            int next = byteAt(text, offset + k);
            if (next < 0x80 || next > 0xBF) {
                return -1;
            }
            codePoint = codePoint << 6 | (next & 0x3F);
        }
        return codePoint;
    }

    /**
     * Whether a repaired character is one that notes really contain. A genuine letter that is also
     * a lead byte ({@code ß Ü Ö Ş İ}) followed by a curly quote would decode to a C1 control,
     * Armenian, Hebrew points, Syriac, Thaana or N'Ko; refusing those keeps {@code „Straße“} as
     * written.
     */
    private static boolean isPlausible(int codePoint) {
        return (codePoint >= 0x00A0 && codePoint < 0x0530) // Latin, Greek, Cyrillic
                || (codePoint >= 0x05D0 && codePoint < 0x0700) // Hebrew letters, Arabic
                || (codePoint >= 0x0900 && codePoint < 0x1000) // Indic scripts, Thai
                || codePoint >= 0x1E00; // Latin extended additional, punctuation, symbols, CJK, emoji
    }

    /**
     * Whether a would-be sequence is a genuine letter followed by quotation marks or dashes, as in
     * {@code „DAĞ“}, {@code „ÇAĞ„} or {@code „Straße“}: kept as written. Mojibake of Latin-1 text
     * ({@code Ã“} for {@code Ó}) starts with {@code Â} or {@code Ã}, letters that do not end words in
     * the languages we see, so those are still repaired. The price: a few double-encoded characters
     * whose last bytes are quotes (Cyrillic {@code Б–Д}, {@code Ž}, {@code œ}, {@code ő}) stay broken.
     */
    private static boolean isLetterBeforeQuotes(String text, int start, int length) {
        char lead = text.charAt(start);
        if (!Character.isLetter(lead) || lead == 'Â' || lead == 'Ã') {
            return false;
        }
        for (int k = start + 1; k < start + length; k++) {
            if (QUOTES_AND_DASHES.indexOf(text.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    record Result(String text, int repairs) {
    }
}
