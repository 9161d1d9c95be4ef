package io.coursetracker.notes;

import io.coursetracker.contracts.catalog.BundledCatalogs;
import io.coursetracker.contracts.catalog.LessonMentionResolver;
import io.coursetracker.contracts.note.Note;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adversarial Markdown and front matter, up to 1 MiB: long runs of one character, deep nesting, many
 * links, wikilinks, tags and tasks, URLs with long punctuation tails, YAML alias graphs, and mixtures
 * of them. Each input must parse, and its parsed tasks resolve against the bundled catalog (what
 * progress-service runs again), within {@link WorkBudget}, with every {@link NoteLimits} held.
 * Plain jqwik, no framework.
 */
class AdversarialNotePropertiesTest {

    private static final NoteParser PARSER = new NoteParser();
    private static final LessonMentionResolver RESOLVER =
            LessonMentionResolver.forCatalogs(List.of(BundledCatalogs.fastaiPart1()));

    /** Every character the brief names, and the ones Markdown gives a meaning to. */
    private static final String RUN_CHARACTERS = ".*_[(`<#>-|\\ \n!~)]=+:/@&;\t\"'0a";

    @BeforeContainer
    static void warmUp() {
        // Class loading and the first JIT compilations are not what a note costs.
        for (int i = 0; i < 3; i++) {
            for (Arbitrary<String> shape : shapes()) {
                shape.sampleStream().limit(20).forEach(piece -> check(piece.repeat(Math.max(1, 16_384 / Math.max(1, piece.length())))));
            }
        }
    }

    @Property(tries = 120)
    void inputsUpToAHundredKibibytesStayWithinBudget(@ForAll("notes") String note) {
        checkWithinBudget(note);
    }

    @Property(tries = 6)
    void oneMebibyteInputsStayWithinBudget(@ForAll("largeNotes") String note) {
        checkWithinBudget(note);
    }

    private static void checkWithinBudget(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Note note = WorkBudget.assertWithinBudget(bytes, () -> PARSER.parse("Daily/2025-08-02.md", bytes));
        WorkBudget.assertResolverWithinBudget(bytes.length, note, () -> RESOLVER.resolveAll(note));
        assertHoldsLimits(note);
    }

    private static Note check(String text) {
        return parseAndResolve(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Note parseAndResolve(byte[] bytes) {
        Note note = PARSER.parse("Daily/2025-08-02.md", bytes);
        RESOLVER.resolveAll(note);
        return note;
    }

    static void assertHoldsLimits(Note note) {
        assertThat(note.tasks()).hasSizeLessThanOrEqualTo(NoteLimits.MAX_TASKS);
        assertThat(note.questions()).hasSizeLessThanOrEqualTo(NoteLimits.MAX_QUESTIONS);
        assertThat(note.links()).hasSizeLessThanOrEqualTo(NoteLimits.MAX_LINKS);
        assertThat(note.tags()).hasSizeLessThanOrEqualTo(NoteLimits.MAX_TAGS);
        assertThat(note.warnings()).hasSizeLessThanOrEqualTo(NoteLimits.MAX_WARNINGS);
        long chars = note.links().stream().mapToLong(String::length).sum()
                + note.tags().stream().mapToLong(String::length).sum();
        for (var task : note.tasks()) {
            assertThat(task.text().length()).isLessThanOrEqualTo(NoteLimits.MAX_ITEM_CHARS);
            assertThat(task.links()).hasSizeLessThanOrEqualTo(NoteLimits.MAX_TASK_LINKS)
                    .allSatisfy(link -> assertThat(link.length()).isLessThanOrEqualTo(NoteLimits.MAX_LINK_CHARS));
            chars += task.text().length() + task.links().stream().mapToLong(String::length).sum();
        }
        int subQuestions = 0;
        for (var question : note.questions()) {
            assertThat(question.text().length()).isLessThanOrEqualTo(NoteLimits.MAX_ITEM_CHARS);
            subQuestions += question.subQuestions().size();
            chars += question.text().length() + question.subQuestions().stream().mapToLong(String::length).sum();
        }
        assertThat(subQuestions).isLessThanOrEqualTo(NoteLimits.MAX_SUB_QUESTIONS);
        assertThat(chars).isLessThanOrEqualTo(NoteLimits.MAX_EXTRACTED_CHARS);
    }

    @Provide
    Arbitrary<String> notes() {
        return notesOf(Arbitraries.integers().between(1, 100 * 1024));
    }

    @Provide
    Arbitrary<String> largeNotes() {
        return notesOf(Arbitraries.just(1 << 20));
    }

    /** A note of about {@code size} characters: one shape repeated, or a mixture of shapes, maybe under front matter. */
    private static Arbitrary<String> notesOf(Arbitrary<Integer> sizes) {
        Arbitrary<String> piece = Arbitraries.oneOf(shapes());
        Arbitrary<String> mixture = piece.list().ofMinSize(2).ofMaxSize(6).map(parts -> String.join("", parts));
        Arbitrary<String> repeated = Combinators.combine(Arbitraries.oneOf(piece, mixture), sizes, frontMatters())
                .as((shape, size, frontMatter) -> {
                    String body = shape.repeat(Math.max(1, (size - frontMatter.length()) / Math.max(1, shape.length())));
                    return frontMatter + body;
                });
        // One task whose URL is followed by a run of one character as long as the note.
        Arbitrary<String> longTail = Combinators.combine(Arbitraries.of(RUN_CHARACTERS.chars().mapToObj(c -> (char) c).toList()), sizes)
                .as((c, size) -> "- [x] Watch http://x" + String.valueOf(c).repeat(size) + "y\n");
        return Arbitraries.frequencyOf(Tuple.of(4, repeated), Tuple.of(1, longTail));
    }

    private static List<Arbitrary<String>> shapes() {
        Arbitrary<Character> runChar = Arbitraries.of(RUN_CHARACTERS.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<Integer> depth = Arbitraries.integers().between(1, 2_000);
        return List.of(
                // A long run of any one character (the repetition in notesOf makes it long).
                runChar.map(String::valueOf),
                // Runs of a character after a task's URL: the trailing punctuation the resolver strips.
                Combinators.combine(runChar, depth).as((c, n) -> "- [x] Watch http://x" + String.valueOf(c).repeat(n) + "y\n"),
                Combinators.combine(Arbitraries.of(".", ",", ";", ":", "!", "?", "*", "_", "~"), depth)
                        .as((c, n) -> "- [x] https://course.fast.ai/Lessons/lesson1.html" + c.repeat(n) + " done\n"),
                // Deep nesting.
                depth.map(n -> nestedLists(Math.min(n, 200))),
                depth.map(n -> ">".repeat(n) + " quoted\n"),
                depth.map(n -> "- ".repeat(n) + "[x] nested task\n"),
                depth.map(n -> "[".repeat(n) + "x" + "]".repeat(n) + "(y)\n"),
                depth.map(n -> "*".repeat(n) + "x" + "*".repeat(n) + " "),
                depth.map(n -> "_".repeat(n) + "x" + "_".repeat(n) + " "),
                depth.map(n -> "(".repeat(n) + "[a](" + "(".repeat(n) + "b" + ")".repeat(n) + ")"),
                depth.map(n -> "`".repeat(n) + "code" + "`".repeat(n - 1) + " "),
                // Many links, wikilinks, tags, tasks, questions.
                Arbitraries.of(
                        "- [x] Watch [lesson 1](https://course.fast.ai/Lessons/lesson1.html) #fastai\n",
                        "[[Lessons/Lesson 1|one]] ![[img.png|500]] ",
                        "#tag #a/b #c-d ",
                        "- [ ] read chapter 1 of the book www.x.org/a_b.\n",
                        "## Questions\n- why?\n  - how?\n    - [x] really?\n",
                        "<https://x.org/a> <a@b.c> http://x.org/" + "a".repeat(50) + " ",
                        "| a | b |\n|---|---|\n| [x](y) | #t |\n",
                        "# 2025-08-02 Saturday\n",
                        "```\n- [x] not a task\n```\n",
                        "\\[\\]\\(\\)\\*\\_ &amp;&#1;&#x2603; "),
                // Random short Markdown-ish text.
                Arbitraries.strings().withChars(RUN_CHARACTERS + "xyz[]()").ofMinLength(1).ofMaxLength(40));
    }

    private static String nestedLists(int depth) {
        StringBuilder out = new StringBuilder();
        for (int level = 0; level < depth; level++) {
            out.append("  ".repeat(level)).append("- [x] level ").append(level).append('\n');
        }
        return out.toString();
    }

    /** No front matter, ordinary front matter, or a graph of aliases of some width and depth. */
    private static Arbitrary<String> frontMatters() {
        Arbitrary<String> aliasGraph = Combinators.combine(
                        Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 30),
                        Arbitraries.integers().between(0, 5_000))
                .as((width, depth, leaf) -> {
                    StringBuilder yaml = new StringBuilder("---\na0: &a0 [" + "x".repeat(Math.max(1, leaf)) + "]\n");
                    for (int level = 1; level <= depth; level++) {
                        yaml.append("a").append(level).append(": &a").append(level).append(" [")
                                .append(String.join(", ", java.util.Collections.nCopies(width, "*a" + (level - 1))))
                                .append("]\n");
                    }
                    return yaml.append("tags: *a").append(depth).append("\ndate: *a").append(depth).append("\n---\n").toString();
                });
        return Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.just("---\ndate: 2025-08-02\ntags: [ml, fastai]\n---\n"),
                aliasGraph,
                Arbitraries.integers().between(1, 500).map(n -> "---\n" + "- ".repeat(n) + "x\n---\n"),
                Arbitraries.integers().between(1, 500).map(n -> "---\ntags: " + "[".repeat(n) + "]".repeat(n) + "\n---\n"));
    }
}
