package io.coursetracker.notes;

import io.coursetracker.contracts.note.Note;
import io.coursetracker.contracts.note.Task;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The front matter's YAML is read within {@link NoteLimits}, on the plain parser (no framework). */
class FrontMatterLimitsTest {

    private final NoteParser parser = new NoteParser();

    private Note parse(String text) {
        return parser.parse("Daily/2025-08-02.md", text.getBytes(StandardCharsets.UTF_8));
    }

    private Note parseWithinBudget(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return WorkBudget.assertWithinBudget(bytes, () -> parser.parse("Daily/2025-08-02.md", bytes));
    }

    /** 15 levels of three aliases each: 3^15 copies of "lol" once written out as strings. */
    static String aliasBomb(int levels) {
        StringBuilder yaml = new StringBuilder("---\na0: &a0 [lol]\n");
        for (int level = 1; level <= levels; level++) {
            String previous = "*a" + (level - 1);
            yaml.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(previous).append(", ").append(previous).append(", ").append(previous).append("]\n");
        }
        return yaml.append("tags: *a").append(levels).append("\n---\n- [x] Watch lesson 1\n").toString();
    }

    @Test
    void yamlAliasBombIsAWarningAndTheNoteStillParses() {
        Note note = parseWithinBudget(aliasBomb(15));

        assertThat(note.tags()).isEmpty();
        assertThat(note.tasks()).extracting(Task::text).containsExactly("Watch lesson 1");
        assertThat(note.warnings()).singleElement().asString()
                .startsWith("front matter is not valid YAML and was ignored")
                .contains("aliases", String.valueOf(NoteLimits.MAX_YAML_ALIASES));
    }

    /** snakeyaml lets a list hold itself as a value; a long comment once gave writing it out room for 60,000 stack frames. */
    @Test
    void aListThatHoldsItselfIsAWarningNotAStackOverflow() {
        String text = "---\n#" + "x".repeat(60_000) + "\ntags: &a [*a]\n---\n- [x] Watch lesson 1\n";

        Note note = parseWithinBudget(text);

        assertThat(note.tags()).isEmpty();
        assertThat(note.tasks()).extracting(Task::text).containsExactly("Watch lesson 1");
        assertThat(note.warnings()).singleElement().asString().startsWith("front matter values expand to more than");
    }

    @Test
    void aliasesWithinTheLimitNeverExpandBeyondTheFrontMatter() {
        // 9 levels of two aliases (18, under the limit) over a 5,000-character scalar: 2.5 million characters.
        StringBuilder yaml = new StringBuilder("---\na0: &a0 [" + "x".repeat(5_000) + "]\n");
        for (int level = 1; level <= 9; level++) {
            yaml.append("a").append(level).append(": &a").append(level)
                    .append(" [*a").append(level - 1).append(", *a").append(level - 1).append("]\n");
        }
        String text = yaml.append("tags: *a9\n---\n- [x] Watch lesson 1\n").toString();

        Note note = parseWithinBudget(text);

        assertThat(note.tags()).isEmpty();
        assertThat(note.tasks()).hasSize(1);
        assertThat(note.warnings()).containsExactly("front matter values expand to more than "
                + (text.indexOf("\n---\n") - 3) + " characters (the length of the front matter) and were ignored");
    }

    @Test
    void aliasesOfAScalarAreCountedToo() {
        String text = "---\ns: &s " + "x".repeat(10_000) + "\ntags: [" + "*s, ".repeat(2_000) + "*s]\n---\nText\n";

        Note note = parseWithinBudget(text);

        assertThat(note.warnings()).singleElement().asString().startsWith("front matter values expand to more than");
    }

    @Test
    void ordinaryFrontMatterIsReadAsBefore() {
        Note note = parse("---\ndate: 2025-08-02\ntags: [ml, '#fastai', deep-learning]\n---\n- [x] Watch lesson 1\n");

        assertThat(note.tags()).containsExactly("ml", "fastai", "deep-learning");
        assertThat(note.warnings()).isEmpty();
    }

    @Test
    void frontMatterLongerThanTheLimitIsIgnoredWithAWarning() {
        String text = "---\ntags: [" + "a, ".repeat(NoteLimits.MAX_FRONT_MATTER_CHARS / 3) + "b]\n---\n- [x] Watch lesson 1\n";

        Note note = parse(text);

        assertThat(note.tags()).isEmpty();
        assertThat(note.tasks()).hasSize(1);
        assertThat(note.warnings()).containsExactly(
                "front matter is longer than " + NoteLimits.MAX_FRONT_MATTER_CHARS + " characters and was ignored");
    }
}
