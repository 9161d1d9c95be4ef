package io.coursetracker.notes;

import io.coursetracker.contracts.note.Note;
import io.coursetracker.contracts.note.Question;
import io.coursetracker.contracts.note.Section;
import io.coursetracker.contracts.note.Task;
import io.coursetracker.contracts.note.TaskStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reference note of SPEC section 1, a real double-encoded note with lost bytes. It lives
 * beside the repository (never copied into it), so this test is skipped where it is absent.
 */
class SeedNoteTest {

    private static final Path SEED = Path.of("..", "..", "shared", "seeds", "000_1265dcd91be246a5.txt");

    private static Note note;

    @BeforeAll
    static void parseSeed() throws IOException {
        assumeTrue(Files.isRegularFile(SEED), "seed note not found at " + SEED.toAbsolutePath());
        note = new NoteParser().parse("Daily/000_1265dcd91be246a5.txt", Files.readAllBytes(SEED));
    }

    @Test
    void isAnActiveDailyNoteOfItsHeadingDate() {
        assertThat(note.date()).isEqualTo(LocalDate.of(2025, 8, 2));
        assertThat(note.daily()).isTrue();
        assertThat(note.active()).isTrue();
    }

    @Test
    void hasTheTagsWrittenUnderTheHeading() {
        assertThat(note.tags()).containsExactly("ml", "dl", "week1");
    }

    @Test
    void hasTwoGoalsBothDone() {
        assertThat(note.sections().goals()).isEqualTo(2);
        assertThat(note.tasks()).hasSize(2)
                .allSatisfy(task -> {
                    assertThat(task.status()).isEqualTo(TaskStatus.DONE);
                    assertThat(task.section()).isEqualTo(Section.GOALS);
                });
    }

    @Test
    void firstTaskWatchesLessonOne() {
        Task first = note.tasks().get(0);
        assertThat(first.text()).contains("Watch");
        assertThat(first.links()).containsExactly("https://course.fast.ai/Lessons/lesson1.html");
        assertThat(first.lessons()).isEmpty();
    }

    @Test
    void hasTenOpenQuestionsWithFourSubQuestions() {
        assertThat(note.sections().questions()).isEqualTo(10);
        assertThat(note.questions()).hasSize(10).noneMatch(Question::answered);
        assertThat(note.questions().stream().mapToInt(question -> question.subQuestions().size()).sum()).isEqualTo(4);
    }

    @Test
    void hasTwelveInsights() {
        assertThat(note.sections().insights()).isEqualTo(12);
    }

    @Test
    void repairsTheDoubleEncodingItCanAndSaysSo() {
        assertThat(note.warnings()).anyMatch(warning -> warning.startsWith("repaired double-encoded UTF-8 in "));
        assertThat(note.links()).contains("PyTorch", "https://timm.fast.ai",
                "assets/Screenshot 2025-08-02 at 13.16.04.png");
    }
}
