package io.coursetracker.progress.questions;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Normalizing a question costs time linear in its text. Plain JUnit and jqwik, no framework. */
class QuestionBookWorkTest {

    /** The pattern the scan replaces: the scan must strip exactly what it stripped. */
    private static final Pattern TRAILING_QUESTION_MARKS = Pattern.compile("[\\s?？]+$", Pattern.UNICODE_CHARACTER_CLASS);

    @Property(tries = 2_000)
    void stripsWhatTheRegexStripped(@ForAll @StringLength(max = 30)
                                    @Chars({'?', '？', ' ', '\t', '\n', '\u00A0', '\u2003', '\u3000', '\u0085', '\u001C', 'a', 'b'})
                                    String text) {
        assertThat(QuestionBook.withoutTrailingQuestionMarks(text))
                .isEqualTo(TRAILING_QUESTION_MARKS.matcher(text).replaceAll(""));
    }

    @Test
    void aLongRunOfQuestionMarksAndSpacesNotAtTheEndIsLinear() {
        String question = "why" + "? ".repeat(50_000) + "really";
        QuestionBook.normalize(question);

        long start = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        String normalized = QuestionBook.normalize(question);
        long millis = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - start) / 1_000_000;

        assertThat(normalized).endsWith("? really");
        assertThat(millis).as("CPU ms").isLessThan(250);
    }
}
