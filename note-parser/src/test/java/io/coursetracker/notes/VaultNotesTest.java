package io.coursetracker.notes;

import io.coursetracker.contracts.note.Note;
import io.coursetracker.contracts.note.Question;
import io.coursetracker.contracts.note.SectionCounts;
import io.coursetracker.contracts.note.Task;
import io.coursetracker.contracts.note.TaskStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import static io.coursetracker.contracts.note.Section.GOALS;
import static io.coursetracker.contracts.note.Section.QUESTIONS;
import static io.coursetracker.contracts.note.TaskStatus.CANCELLED;
import static io.coursetracker.contracts.note.TaskStatus.DEFERRED;
import static io.coursetracker.contracts.note.TaskStatus.DONE;
import static io.coursetracker.contracts.note.TaskStatus.IN_PROGRESS;
import static io.coursetracker.contracts.note.TaskStatus.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each note of the test vault ({@code src/test/resources/vault}) parses to what its learner would
 * expect. {@code Mojibake/2025-08-04.md} is {@code Daily/2025-08-04.md} read as Windows-1254 and
 * saved as UTF-8, losing the bytes that code page does not define and one more byte by hand.
 */
class VaultNotesTest {

    private final NoteParser parser = new NoteParser();

    static byte[] vaultBytes(String notePath) {
        try (InputStream in = VaultNotesTest.class.getResourceAsStream("/vault/" + notePath)) {
            if (in == null) {
                throw new IllegalArgumentException("no such note in the test vault: " + notePath);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Note parse(String notePath) {
        return parser.parse(notePath, vaultBytes(notePath));
    }

    @Test
    void fullDailyNote() {
        Note note = parse("Daily/2025-08-04.md");

        assertThat(note.date()).isEqualTo(LocalDate.of(2025, 8, 4));
        assertThat(note.daily()).isTrue();
        assertThat(note.active()).isTrue();
        assertThat(note.tags()).containsExactly("fastai", "lesson2", "deployment");
        assertThat(note.tasks()).extracting(Task::text, Task::status, Task::section).containsExactly(
                tuple("Watch Lesson 2: Deployment", DONE, GOALS),
                tuple("Read chapter 2 of the book — the part about the drivetrain approach", DONE, GOALS),
                tuple("Deploy my bear classifier to Hugging Face Spaces", OPEN, GOALS));
        assertThat(note.tasks().get(0).links()).containsExactly("https://course.fast.ai/Lessons/lesson2.html");
        assertThat(note.tasks()).allSatisfy(task -> assertThat(task.lessons()).isEmpty());
        assertThat(note.sections()).isEqualTo(new SectionCounts(3, 2, 3, 2));
        assertThat(note.questions()).containsExactly(
                new Question("Why does RandomResizedCrop help more than plain resizing?", false,
                        List.of("Is it only a kind of data augmentation?")),
                new Question("How small can the export file get before accuracy drops?", false, List.of()));
        assertThat(note.links()).containsExactly("https://course.fast.ai/Lessons/lesson2.html",
                "https://huggingface.co/spaces", "Gradio cheatsheet");
        assertThat(note.warnings()).isEmpty();
    }

    @Test
    void mojibakeCopyParsesLikeTheCleanNote() {
        Note clean = parse("Daily/2025-08-04.md");
        Note broken = parse("Mojibake/2025-08-04.md");

        assertThat(broken.date()).isEqualTo(clean.date());
        assertThat(broken.tags()).isEqualTo(clean.tags());
        assertThat(broken.sections()).isEqualTo(clean.sections());
        assertThat(broken.questions()).isEqualTo(clean.questions());
        assertThat(broken.links()).isEqualTo(clean.links());
        assertThat(broken.tasks()).extracting(Task::status).isEqualTo(clean.tasks().stream().map(Task::status).toList());
        // The dash that lost a byte cannot be repaired and is left as it was.
        assertThat(broken.tasks().get(1).text()).isEqualTo("Read chapter 2 of the book â” the part about the drivetrain approach");
        assertThat(broken.warnings()).containsExactly("repaired double-encoded UTF-8 in 7 places");
    }

    @Test
    void frontMatterGivesDateAndTags() {
        Note note = parse("Daily/2025-08-05.md");

        assertThat(note.date()).isEqualTo(LocalDate.of(2025, 8, 5));
        assertThat(note.tags()).containsExactly("fastai", "week2", "ml");
        assertThat(note.tasks()).extracting(Task::status).containsExactly(DONE, IN_PROGRESS);
        assertThat(note.tasks().get(0).text()).isEqualTo("Finish the lesson 2 notebook on Kaggle");
        assertThat(note.sections()).isEqualTo(new SectionCounts(2, 1, 0, 0));
    }

    @Test
    void byteOrderMarkAndWindowsLineEndingsChangeNothing() {
        Note note = parse("Daily/2025-08-06.md");

        assertThat(note.date()).isEqualTo(LocalDate.of(2025, 8, 6));
        assertThat(note.tags()).containsExactly("fastai");
        assertThat(note.tasks()).extracting(Task::text, Task::status).containsExactly(
                tuple("Rewatch the second half of lesson 2", DONE),
                tuple("Write a blog post about my classifier", OPEN));
        assertThat(note.sections()).isEqualTo(new SectionCounts(2, 0, 1, 0));
        assertThat(note.warnings()).isEmpty();
    }

    @Test
    void dateFromFileNameWithWeekday() {
        Note note = parse("Daily/2025-08-07 Thu.md");

        assertThat(note.date()).isEqualTo(LocalDate.of(2025, 8, 7));
        assertThat(note.active()).isTrue();
        assertThat(note.warnings()).isEmpty();
    }

    @Test
    void weekdayThatContradictsTheDateIsAWarning() {
        Note note = parse("Daily/2025-08-08.md");

        assertThat(note.date()).isEqualTo(LocalDate.of(2025, 8, 8));
        assertThat(note.active()).as("only an open task").isFalse();
        assertThat(note.warnings()).containsExactly("heading says Saturday but 2025-08-08 is a Friday");
    }

    @Test
    void impossibleDateIsNoDate() {
        Note note = parse("Daily/2025-02-30.md");

        assertThat(note.date()).isNull();
        assertThat(note.daily()).isFalse();
        assertThat(note.active()).isTrue();
        assertThat(note.warnings()).containsExactly(
                "heading has an impossible date 2025-02-30; it was ignored",
                "file name has an impossible date 2025-02-30; it was ignored");
    }

    @Test
    void codeIsNeitherTasksNorTags() {
        Note note = parse("Daily/2025-08-09.md");

        assertThat(note.tags()).containsExactly("real-tag");
        assertThat(note.tasks()).extracting(Task::text).containsExactly("Copy the training loop into my own notebook");
        assertThat(note.sections()).isEqualTo(new SectionCounts(1, 3, 0, 0));
    }

    @Test
    void everyStatusEveryMarkerEveryDepth() {
        Note note = parse("Daily/2025-08-10.md");

        assertThat(note.tasks()).extracting(Task::text, Task::status).containsExactly(
                tuple("open with a dash", OPEN),
                tuple("done with a star", DONE),
                tuple("done with a plus and a capital X", DONE),
                tuple("in progress in an ordered list", IN_PROGRESS),
                tuple("cancelled: the GPU quota ran out", CANCELLED),
                tuple("deferred to next week", DEFERRED),
                tuple("nested done task", DONE),
                tuple("deeper in-progress task", IN_PROGRESS),
                tuple("deepest open task", OPEN));
        assertThat(note.tasks()).allSatisfy(task -> assertThat(task.section()).isEqualTo(GOALS));
        assertThat(note.sections().goals()).as("top-level items only, tasks or not").isEqualTo(9);
    }

    @Test
    void wikilinksEmbedsBareUrlsAndImages() {
        Note note = parse("Daily/2025-08-11.md");

        Task first = note.tasks().get(0);
        assertThat(first.text()).isEqualTo("Read the lesson 3 page and watch https://course.fast.ai/Lessons/lesson3.html");
        assertThat(first.links()).containsExactly("Lesson 3", "https://course.fast.ai/Lessons/lesson3.html");
        assertThat(note.tasks().get(1).links())
                .containsExactly("https://github.com/fastai/fastbook/blob/master/04_mnist_basics.ipynb");
        assertThat(note.links()).containsExactly(
                "Lesson 3",
                "https://course.fast.ai/Lessons/lesson3.html",
                "https://github.com/fastai/fastbook/blob/master/04_mnist_basics.ipynb",
                "assets/loss-curve.png",
                "assets/sgd sketch.png",
                "Gradient descent",
                "Lesson 3#Stochastic gradient descent",
                "http://www.fast.ai",
                "mailto:learner@example.com");
    }

    @Test
    void germanTextIsKeptAsWritten() {
        Note note = parse("Daily/2025-08-12.md");

        assertThat(note.tags()).containsExactly("lernen", "größe");
        assertThat(note.tasks()).extracting(Task::text).containsExactly(
                "Lektion 3 anschauen: Lesson 3", "Kapitel 4 lesen – über Gradientenabstieg");
        assertThat(note.sections()).isEqualTo(new SectionCounts(2, 2, 1, 0));
        assertThat(note.warnings()).isEmpty();
    }

    @Test
    void turkishTextIsKeptAsWritten() {
        Note note = parse("Daily/2025-08-13.md");

        assertThat(note.tags()).containsExactly("öğrenme", "türkçe");
        assertThat(note.tasks()).extracting(Task::text).containsExactly(
                "Ders 3 videosunu izle (watch lesson 3)", "Şu kavramı anla: ağırlıklar ve aktivasyonlar");
        assertThat(note.warnings()).as("no letter was mistaken for mojibake").isEmpty();
    }

    @Test
    void japaneseTextIsKeptAsWritten() {
        Note note = parse("Daily/2025-08-14.md");

        assertThat(note.tags()).containsExactly("日本語", "深層学習");
        assertThat(note.tasks()).extracting(Task::text).containsExactly("レッスン4を見る Lesson 4");
        assertThat(note.questions()).containsExactly(new Question("勾配降下法はなぜうまくいくのか？", false, List.of("学習率はどう選ぶ？")));
        assertThat(note.warnings()).isEmpty();
    }

    @Test
    void emptyTemplateIsNotActive() {
        Note note = parse("Daily/2025-08-15.md");

        assertThat(note.daily()).isTrue();
        assertThat(note.active()).isFalse();
        assertThat(note.tasks()).isEmpty();
        assertThat(note.sections()).isEqualTo(SectionCounts.EMPTY);
    }

    @Test
    void checkedQuestionIsAnsweredAndUnknownHeadingEndsTheSection() {
        Note note = parse("Daily/2025-08-16.md");

        assertThat(note.questions()).containsExactly(
                new Question("What does fine_tune do that fit_one_cycle does not?", true,
                        List.of("It first trains only the head, then unfreezes everything.")),
                new Question("Why are the first layers' learning rates smaller?", false, List.of()),
                new Question("Plain question without a box?", false, List.of()));
        assertThat(note.sections()).isEqualTo(new SectionCounts(0, 0, 0, 3));
        assertThat(note.tasks()).extracting(Task::section).containsExactly(QUESTIONS, QUESTIONS, null);
    }

    @Test
    void lessonNoteWithoutDateIsNotDaily() {
        Note note = parse("Lessons/Lesson 3 notes.md");

        assertThat(note.date()).isNull();
        assertThat(note.daily()).isFalse();
        assertThat(note.tags()).containsExactly("fastai/lesson3");
        assertThat(note.tasks()).extracting(Task::status).containsExactly(DONE, DONE);
        assertThat(note.sections()).isEqualTo(new SectionCounts(2, 2, 0, 0));
        assertThat(note.warnings()).isEmpty();
    }

    @Test
    void proseNoteHasTagsAndLinksOnly() {
        Note note = parse("Inbox/random thoughts.md");

        assertThat(note.daily()).isFalse();
        assertThat(note.active()).isFalse();
        assertThat(note.tags()).containsExactly("motivation", "habits");
        assertThat(note.links()).containsExactly("Study group ideas");
    }

    @Test
    void frontMatterDateWinsOverADifferentHeadingDate() {
        Note note = parse("Daily/2025-08-18.md");

        assertThat(note.date()).isEqualTo(LocalDate.of(2025, 8, 18));
        assertThat(note.tags()).containsExactly("fastai", "week3", "review");
        assertThat(note.warnings())
                .containsExactly("heading says 2025-08-19 but the front matter date says 2025-08-18; using 2025-08-18");
    }

    @Test
    void otherSectionHeadingsAndSetextHeadings() {
        Note note = parse("Daily/2025-08-19.md");

        assertThat(note.sections()).isEqualTo(new SectionCounts(1, 2, 1, 0));
    }

    @Test
    void tagRules() {
        Note note = parse("Daily/2025-08-20.md");

        assertThat(note.tags()).containsExactly("heading-tag", "nested/tag_1", "x-y");
        assertThat(note.links()).containsExactly("https://example.com/#anchor", "https://docs.fast.ai/#install");
        assertThat(note.active()).isFalse();
    }

    @Test
    void invalidFrontMatterIsAWarningNotAnError() {
        Note note = parse("Daily/2025-08-21.md");

        assertThat(note.date()).isEqualTo(LocalDate.of(2025, 8, 21));
        assertThat(note.tags()).isEmpty();
        assertThat(note.warnings()).singleElement().asString().startsWith("front matter is not valid YAML and was ignored");
    }

    @Test
    void checkedTaskOutsideSectionsMakesTheDayActive() {
        Note note = parse("Daily/2025-08-22.md");

        assertThat(note.active()).isTrue();
        assertThat(note.tasks()).extracting(Task::section).containsOnlyNulls();
        assertThat(note.sections()).isEqualTo(SectionCounts.EMPTY);
    }

    @Test
    void aTaskStatusNobodyKnowsIsAPlainItem() {
        assertThat(TaskStatus.fromMarker('?')).isEmpty();
    }
}
