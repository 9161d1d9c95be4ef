package io.coursetracker.notes.encoding;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written UTF-8 decoding of {@link MojibakeRepair} accepts what the JDK's strict decoder does. Plain JUnit. */
class MojibakeUtf8Test {

    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    @Test
    void everyTwoAndThreeByteSequenceDecodesAsTheJdkDecodes() {
        for (int lead = 0xC2; lead <= 0xEF; lead++) {
            for (int second = 0x80; second <= 0xFF; second++) {
                if (lead <= 0xDF) {
                    check(lead, second);
                } else {
                    for (int third = 0x80; third <= 0xFF; third++) {
                        check(lead, second, third);
                    }
                }
            }
        }
    }

    @Test
    void fourByteSequencesDecodeAsTheJdkDecodes() {
        int[] continuations = {0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
        for (int lead = 0xF0; lead <= 0xF4; lead++) {
            for (int second = 0x80; second <= 0xFF; second++) {
                for (int third : continuations) {
                    for (int fourth : continuations) {
                        check(lead, second, third, fourth);
                    }
                }
            }
        }
    }

    /** The characters that stand for these bytes (Latin-1 0x80–0xFF stand for their own byte). */
    private void check(int... bytes) {
        StringBuilder text = new StringBuilder();
        byte[] raw = new byte[bytes.length];
        for (int k = 0; k < bytes.length; k++) {
            text.append((char) bytes[k]);
            raw[k] = (byte) bytes[k];
        }
        int expected;
        try {
            expected = strict.decode(ByteBuffer.wrap(raw)).toString().codePointAt(0);
        } catch (CharacterCodingException invalid) {
            expected = -1;
        }
        assertThat(MojibakeRepair.decodeUtf8(text.toString(), 0, bytes.length)).as("%s", java.util.Arrays.toString(bytes))
                .isEqualTo(expected);
    }
}
