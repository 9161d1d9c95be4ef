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

    private static final int NOTES = 60;

    private final NoteParser parser = new NoteParser();
    private final LessonMentionResolver resolver = LessonMentionResolver.forCatalogs(BundledCatalogs.all());

    @Test
    void notesAreBetweenOneAndTwentyKibibytesAndSpreadOverTheRange() {
        List<GeneratedNote> vault = VaultGenerator.generate(ParserBenchmark.VAULT_SEED, NOTES);

        assertThat(vault).hasSize(NOTES).allSatisfy(note ->
                assertThat(note.content().length).isBetween(VaultGenerator.MIN_NOTE_BYTES, VaultGenerator.MAX_NOTE_BYTES));
        assertThat(vault).anyMatch(note -> note.content().length < 5 * 1024)
                .anyMatch(note -> note.content().length > 15 * 1024);
    }

    @Test
    void everyNoteGivesADateGoalsMentioningLessonsAndEverySection() {
        for (GeneratedNote generated : VaultGenerator.generate(ParserBenchmark.VAULT_SEED, NOTES)) {
            Note note = resolver.resolveAll(parser.parse(generated.path(), generated.content()));

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
        List<GeneratedNote> vault = VaultGenerator.generate(ParserBenchmark.VAULT_SEED, NOTES);
        long doubleEncoded = vault.stream()
                .filter(note -> new String(note.content(), StandardCharsets.UTF_8).contains("ğŸ"))
                .count();

        assertThat(doubleEncoded).isBetween(NOTES / 4L, NOTES * 3 / 4L);
        for (GeneratedNote generated : vault) {
            Note note = parser.parse(generated.path(), generated.content());
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
            byte[] line = LongLineNotes.of(shape, 65_536);

            assertThat(line).hasSize(65_536).doesNotContain((byte) '\n');
            Note note = parser.parse("Inbox/long line.md", line);
            assertThat(note.links()).as(shape).isNotEmpty();
        }
    }
}
