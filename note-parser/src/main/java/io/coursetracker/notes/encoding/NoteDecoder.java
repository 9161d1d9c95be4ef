package io.coursetracker.notes.encoding;

import io.coursetracker.notes.InvalidNoteException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a note's bytes into text: strict UTF-8 (with or without BOM), line endings normalised to
 * LF, double-encoded UTF-8 repaired where that is reversible.
 */
public final class NoteDecoder {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final MojibakeRepair mojibakeRepair = new MojibakeRepair();

    public DecodedText decode(byte[] content) {
        if (content == null) {
            throw new InvalidNoteException("note has no content");
        }
        String lenient = new String(content, StandardCharsets.UTF_8);
        if (lenient.indexOf('\u0000') >= 0) {
            // A NUL byte always decodes to U+0000, so only then are the bytes searched for its offset
            // (a vectorised indexOf on the text instead of a byte loop on every note).
            rejectBinary(content);
        }
        String text = decodeStrictUtf8(content, lenient);
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        if (text.indexOf('\r') >= 0) {
            // indexOf is vectorised; replace(char, char) on non-Latin-1 text scans char by char even
            // when there is nothing to replace, and most notes have LF endings.
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }

        List<String> warnings = new ArrayList<>();
        MojibakeRepair.Result repaired = mojibakeRepair.repair(text);
        if (repaired.repairs() > 0) {
            warnings.add("repaired double-encoded UTF-8 in " + repaired.repairs()
                    + (repaired.repairs() == 1 ? " place" : " places"));
        }
        return new DecodedText(repaired.text(), warnings);
    }

    /** Text files never hold NUL; a NUL means an image, a PDF or an archive was sent as a note. */
    private static void rejectBinary(byte[] content) {
        for (int offset = 0; offset < content.length; offset++) {
            if (content[offset] == 0) {
                throw new InvalidNoteException(
                        "note is binary, not Markdown text: NUL byte at offset " + offset);
            }
        }
    }

    private static String decodeStrictUtf8(byte[] content, String lenient) {
        // The JDK's String constructor is much faster than a CharsetDecoder and gives the same text for
        // valid UTF-8; it turns invalid bytes into U+FFFD, so only a text holding one is decoded again
        // strictly, to reject it with the offset (or to keep a U+FFFD that was written as such).
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new InvalidNoteException(String.format(
                    "note is not valid UTF-8: invalid byte 0x%02X at offset %d (line %d); save it as UTF-8",
                    content[offset] & 0xFF, offset, lineOf(content, offset)));
        }
        return out.flip().toString();
    }

    private static int lineOf(byte[] content, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The note's text and what was noticed while decoding it. */
    public record DecodedText(String text, List<String> warnings) {
        public DecodedText {
            warnings = List.copyOf(warnings);
        }
    }
}
