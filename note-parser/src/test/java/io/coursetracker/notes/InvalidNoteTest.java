package io.coursetracker.notes;

import io.coursetracker.contracts.note.Note;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvalidNoteTest {

    private final NoteParser parser = new NoteParser();

    @Test
    void invalidUtf8NamesTheOffsetOfTheFirstBadByte() {
        byte[] latin1 = "# 2025-08-02\n\nCaf\u00e9 notes".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> parser.parse("Daily/2025-08-02.md", latin1))
                .isInstanceOf(InvalidNoteException.class)
                .hasMessage("note is not valid UTF-8: invalid byte 0xE9 at offset 17 (line 3); save it as UTF-8");
    }

    @Test
    void binaryContentIsRejected() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

        assertThatThrownBy(() -> parser.parse("Daily/picture.md", png))
                .isInstanceOf(InvalidNoteException.class)
                .hasMessage("note is binary, not Markdown text: NUL byte at offset 8");
    }

    @Test
    void nulRightAfterABrokenSequenceIsStillFoundAsBinary() {
        // The NUL is looked for in the leniently decoded text first; a lead byte must not swallow it.
        byte[] broken = {'#', ' ', (byte) 0xE2, 0, 'a', '\n'};

        assertThatThrownBy(() -> parser.parse("Daily/broken.md", broken))
                .isInstanceOf(InvalidNoteException.class)
                .hasMessage("note is binary, not Markdown text: NUL byte at offset 3");
    }

    @Test
    void emptyNoteIsAnEmptyNote() {
        Note note = parser.parse("Daily/new note.md", new byte[0]);

        assertThat(note.daily()).isFalse();
        assertThat(note.active()).isFalse();
        assertThat(note.tasks()).isEmpty();
        assertThat(note.warnings()).isEmpty();
    }
}
