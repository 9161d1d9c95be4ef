package io.coursetracker.benchmarks.parser;

import io.coursetracker.contracts.catalog.BundledCatalogs;
import io.coursetracker.contracts.catalog.LessonMentionResolver;
import io.coursetracker.contracts.note.Note;
import io.coursetracker.contracts.note.Section;
import io.coursetracker.notes.NoteParser;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated vault is realistic work for the parser benchmark: notes of 1–20 KiB from which the
 * parser extracts what it extracts from the seed (dated daily notes, goals that mention lessons,
 * every section), in both clean and double-encoded UTF-8, and the same bytes for the same seed.
 * Plain JUnit; nothing here is timed.
 */
class VaultGeneratorTest {

    private static final int NOTES = 30;

    private static final NoteParser PARSER = new NoteParser();
    /** Generated and parsed once for all tests, to keep the class well under two seconds. */
    private static final List<GeneratedNote> VAULT = VaultGenerator.generate(ParserBenchmark.VAULT_SEED, NOTES);
    private static final List<Note> PARSED = VAULT.stream()
            .map(note -> PARSER.parse(note.path(), note.content()))
            .toList();

    @Test
    void notesAreBetweenOneAndTwentyKibibytesAndSpreadOverTheRange() {
        assertThat(VAULT).hasSize(NOTES).allSatisfy(note ->
                assertThat(note.content().length).isBetween(VaultGenerator.MIN_NOTE_BYTES, VaultGenerator.MAX_NOTE_BYTES));
        assertThat(VAULT).anyMatch(note -> note.content().length < 5 * 1024)
                .anyMatch(note -> note.content().length > 15 * 1024);
    }

    @Test
    void everyNoteGivesADateGoalsMentioningLessonsAndEverySection() {
        LessonMentionResolver resolver = LessonMentionResolver.forCatalogs(BundledCatalogs.all());
        for (int i = 0; i < NOTES; i++) {
            GeneratedNote generated = VAULT.get(i);
            Note note = resolver.resolveAll(PARSED.get(i));

            assertThat(note.daily()).as(generated.path()).isTrue();
            assertThat(note.sections().goals()).as(generated.path()).isGreaterThanOrEqualTo(2);
            assertThat(note.sections().studied()).as(generated.path()).isPositive();
            assertThat(note.sections().insights()).as(generated.path()).isPositive();
            assertThat(note.questions()).as(generated.path()).isNotEmpty();
            assertThat(note.tasks()).as(generated.path())
                    .anyMatch(task -> task.section() == Section.GOALS && !task.lessons().isEmpty());
            assertThat(note.links()).as(generated.path()).isNotEmpty();
            assertThat(note.tags()).as(generated.path()).contains("fastai");
        }
    }

    @Test
    void aboutHalfTheNotesAreDoubleEncodedLikeTheSeedAndAreRepaired() {
        long doubleEncoded = VAULT.stream()
                .filter(note -> new String(note.content(), StandardCharsets.UTF_8).contains("ğŸ"))
                .count();

        assertThat(doubleEncoded).isBetween(NOTES / 4L, NOTES * 3 / 4L);
        for (int i = 0; i < NOTES; i++) {
            GeneratedNote generated = VAULT.get(i);
            Note note = PARSED.get(i);
            if (new String(generated.content(), StandardCharsets.UTF_8).contains("ğŸ")) {
                assertThat(note.warnings()).as(generated.path())
                        .anyMatch(warning -> warning.startsWith("repaired double-encoded UTF-8"));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameBytes() {
        List<GeneratedNote> first = VaultGenerator.generate(7, 5);
        List<GeneratedNote> second = VaultGenerator.generate(7, 5);

        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).path()).isEqualTo(first.get(i).path());
            assertThat(second.get(i).content()).isEqualTo(first.get(i).content());
        }
    }

    @Test
    void longLineNotesAreOneLineOfExactlyTheirSize() {
        for (String shape : List.of("prose", "pathological")) {
            byte[] line = LongLineNotes.of(shape, 16_384);

            assertThat(line).hasSize(16_384).doesNotContain((byte) '\n');
            Note note = PARSER.parse("Inbox/long line.md", line);
            assertThat(note.links()).as(shape).isNotEmpty();
        }
    }
}
