package io.coursetracker.notes;

import io.coursetracker.contracts.catalog.BundledCatalogs;
import io.coursetracker.contracts.catalog.LessonMentionResolver;
import io.coursetracker.contracts.note.Note;
import io.coursetracker.contracts.note.Question;
import io.coursetracker.contracts.note.Task;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each limit of {@link NoteLimits}, and each attack it stops, on the plain parser (no framework). */
class NoteLimitsTest {

    private final NoteParser parser = new NoteParser();

    private Note parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private Note parse(byte[] bytes) {
        return parser.parse("Daily/2025-08-02.md", bytes);
    }

    @Test
    void aHundredThousandTasksKeepTheFirstOnesWithAWarning() {
        String text = IntStream.range(0, 100_000).mapToObj(i -> "- [x] task " + i + "\n").collect(Collectors.joining());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        Note note = WorkBudget.assertWithinBudget(bytes, () -> parse(bytes));

        assertThat(note.tasks()).hasSize(NoteLimits.MAX_TASKS);
        assertThat(note.tasks().get(NoteLimits.MAX_TASKS - 1).text()).isEqualTo("task " + (NoteLimits.MAX_TASKS - 1));
        assertThat(note.warnings()).containsExactly("the note has more than " + NoteLimits.MAX_TASKS
                + " tasks; only the first " + NoteLimits.MAX_TASKS + " were read");
    }

    @Test
    void aUrlWithAHundredThousandTrailingDotsIsParsedAndResolvedInLinearTime() {
        String text = "- [x] Watch http://x" + ".".repeat(100_000) + "y\n";
        LessonMentionResolver resolver = LessonMentionResolver.forCatalogs(List.of(BundledCatalogs.fastaiPart1()));

        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        Note note = WorkBudget.assertWithinBudget(bytes, () -> parse(bytes));
        WorkBudget.assertResolverWithinBudget(bytes.length, note, () -> resolver.resolveAll(note));

        assertThat(note.tasks()).singleElement().extracting(Task::status).isNotNull();
        assertThat(note.warnings()).containsExactlyInAnyOrder("an item's text is longer than " + NoteLimits.MAX_ITEM_CHARS
                + " characters; only the first " + NoteLimits.MAX_ITEM_CHARS + " were kept",
                "a link is longer than " + NoteLimits.MAX_LINK_CHARS + " characters and was ignored");
    }

    @Test
    void linksTagsQuestionsAndSubQuestionsAreCapped() {
        String links = IntStream.range(0, 400).mapToObj(i -> "[l](https://x.org/" + i + ")").collect(Collectors.joining(" "));
        String tags = IntStream.range(0, 150).mapToObj(i -> "#t" + i).collect(Collectors.joining(" "));
        String questions = IntStream.range(0, 150).mapToObj(i -> "- why " + i + "?\n  - how " + i + "?\n  - and " + i + "?\n  - then " + i + "?\n")
                .collect(Collectors.joining());

        Note note = parse(links + "\n\n" + tags + "\n\n## Questions\n" + questions);

        assertThat(note.links()).hasSize(NoteLimits.MAX_LINKS);
        assertThat(note.tags()).hasSize(NoteLimits.MAX_TAGS).startsWith("t0", "t1");
        assertThat(note.questions()).hasSize(NoteLimits.MAX_QUESTIONS);
        assertThat(note.questions().stream().mapToInt(q -> q.subQuestions().size()).sum())
                .isEqualTo(NoteLimits.MAX_SUB_QUESTIONS);
        assertThat(note.questions().get(0)).isEqualTo(new Question("why 0?", false, List.of("how 0?", "and 0?", "then 0?")));
        assertThat(note.warnings()).containsExactlyInAnyOrder(
                "the note has more than " + NoteLimits.MAX_LINKS + " links; only the first " + NoteLimits.MAX_LINKS + " were read",
                "the note has more than " + NoteLimits.MAX_TAGS + " tags; only the first " + NoteLimits.MAX_TAGS + " were read",
                "the note has more than " + NoteLimits.MAX_QUESTIONS + " questions; only the first "
                        + NoteLimits.MAX_QUESTIONS + " were read",
                "the note has more than " + NoteLimits.MAX_SUB_QUESTIONS + " sub-questions; only the first "
                        + NoteLimits.MAX_SUB_QUESTIONS + " were read");
    }

    @Test
    void longItemsAreCutLongLinksAndTagsDropped() {
        String text = "- [ ] " + "word ".repeat(500) + " [[" + "p".repeat(NoteLimits.MAX_LINK_CHARS + 1) + "]] #"
                + "t".repeat(NoteLimits.MAX_TAG_CHARS + 1) + " #ok\n";

        Note note = parse(text);

        assertThat(note.tasks()).singleElement().satisfies(task -> {
            assertThat(task.text()).hasSize(NoteLimits.MAX_ITEM_CHARS).startsWith("word word");
            assertThat(task.links()).isEmpty();
        });
        assertThat(note.links()).isEmpty();
        assertThat(note.tags()).containsExactly("ok");
        assertThat(note.warnings()).hasSize(3);
    }

    @Test
    void extractedTextIsCappedInTotal() {
        // 200 tasks of 1,000 characters are within their own limits but not within the total.
        String text = IntStream.range(0, NoteLimits.MAX_TASKS)
                .mapToObj(i -> "- [ ] " + "x".repeat(NoteLimits.MAX_ITEM_CHARS - 4) + String.format("%04d", i) + "\n")
                .collect(Collectors.joining());

        Note note = parse(text);

        assertThat(note.tasks()).hasSize(NoteLimits.MAX_EXTRACTED_CHARS / NoteLimits.MAX_ITEM_CHARS);
        assertThat(note.warnings()).singleElement().asString()
                .startsWith("the note's extracted text (tasks, questions, links, tags) is longer than "
                        + NoteLimits.MAX_EXTRACTED_CHARS);
    }

    @Test
    void warningsAreCappedAndQuoteLittle() {
        String tags = IntStream.range(0, 50).mapToObj(i -> "'" + i + "!" + "y".repeat(1_000) + "'").collect(Collectors.joining(", "));

        Note note = parse("---\ntags: [" + tags + "]\n---\nText\n");

        assertThat(note.warnings()).hasSize(NoteLimits.MAX_WARNINGS)
                .last().isEqualTo("the note has more than " + NoteLimits.MAX_WARNINGS + " warnings; only the first "
                        + (NoteLimits.MAX_WARNINGS - 1) + " are listed");
        assertThat(note.warnings()).allSatisfy(warning -> assertThat(warning.length()).isLessThan(200));
    }
}
