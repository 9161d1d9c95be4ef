package io.coursetracker.contracts.catalog;

import io.coursetracker.contracts.note.Activity;
import io.coursetracker.contracts.note.LessonMention;
import io.coursetracker.contracts.note.Task;
import io.coursetracker.contracts.note.TaskStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the lesson rules over generated tasks; the examples live in {@link LessonMentionResolverTest}. */
class LessonMentionPropertiesTest {

    private static final CourseCatalog FASTAI = BundledCatalogs.fastaiPart1();
    private static final LessonMentionResolver RESOLVER = LessonMentionResolver.forCatalogs(List.of(FASTAI));

    /** A course with lessons 1–19, so that "Lesson 1" sits next to "Lesson 10" … "Lesson 19". */
    private static final CourseCatalog NINETEEN = new CourseCatalog("nineteen", "Nineteen lessons",
            IntStream.rangeClosed(1, 19).mapToObj(n -> new CatalogLesson(n, "Lesson " + n,
                    "https://example.org/l" + n, List.of(), List.of(),
                    List.of("Lesson " + n, "lesson" + n, "Lesson-" + n))).toList());

    private static List<LessonMention> resolve(LessonMentionResolver resolver, String text) {
        return resolver.resolve(new Task(text, TaskStatus.DONE, null, List.of(), List.of()));
    }

    @Property
    void everyAliasWithEveryActivityWordIsFound(
            @ForAll @IntRange(min = 1, max = 8) int lesson,
            @ForAll("aliasIndex") int aliasIndex,
            @ForAll("activityWord") Map.Entry<Activity, String> word,
            @ForAll("caseFlips") long flips,
            @ForAll boolean wordFirst) {
        List<String> aliases = FASTAI.lesson(lesson).orElseThrow().aliases();
        String alias = flipCase(aliases.get(aliasIndex % aliases.size()), flips);
        String text = wordFirst ? word.getValue() + " " + alias : alias + " " + word.getValue();
        assertThat(resolve(RESOLVER, text))
                .containsExactly(new LessonMention(FASTAI.id(), lesson, word.getKey()));
    }

    @Property
    void finishWithoutAnActivityWordIsEveryActivity(
            @ForAll @IntRange(min = 1, max = 8) int lesson,
            @ForAll("finishWord") String finish) {
        assertThat(resolve(RESOLVER, finish + " [[Lesson " + lesson + "]]"))
                .extracting(LessonMention::activity)
                .containsExactly(Activity.values());
    }

    @Property
    void lessonOneNeverMatchesLessonsTenToNineteen(
            @ForAll @IntRange(min = 10, max = 19) int lesson,
            @ForAll("aliasForm") String form,
            @ForAll("before") String before,
            @ForAll("after") String after) {
        String text = before + form.replace("{n}", Integer.toString(lesson)) + after;
        assertThat(resolve(LessonMentionResolver.forCatalogs(List.of(NINETEEN)), text))
                .extracting(LessonMention::lesson)
                .containsExactly(lesson);
    }

    @Property
    void caseAndSurroundingPunctuationDoNotMatter(
            @ForAll @IntRange(min = 1, max = 8) int lesson,
            @ForAll("activityWord") Map.Entry<Activity, String> word,
            @ForAll("caseFlips") long flips,
            @ForAll("punctuation") String open,
            @ForAll("punctuation") String close) {
        String plain = word.getValue() + " lesson " + lesson;
        String dressed = open + flipCase(word.getValue(), flips) + close + " " + open + flipCase("Lesson " + lesson, ~flips) + close;
        assertThat(resolve(RESOLVER, dressed)).isEqualTo(resolve(RESOLVER, plain));
    }

    @Property
    void partOfAWordIsNeverAnActivityWord(
            @ForAll("activityWord") Map.Entry<Activity, String> word,
            @ForAll("glue") String prefix,
            @ForAll("glue") String suffix) {
        String glued = prefix + word.getValue() + suffix;
        assertThat(ActivityWords.activitiesIn("Lesson 3 " + glued)).isEmpty();
        assertThat(resolve(RESOLVER, "Lesson 3 " + glued))
                .containsExactly(new LessonMention(FASTAI.id(), 3, null));
    }

    @Property
    void outputIsSortedAndHasNoDuplicates(@ForAll("taskText") String text) {
        List<LessonMention> mentions = resolve(RESOLVER, text);
        assertThat(new HashSet<>(mentions)).hasSameSizeAs(mentions);
        assertThat(mentions).isSortedAccordingTo(LessonMentionResolver.ORDER);
        assertThat(resolve(RESOLVER, text)).isEqualTo(mentions);
    }

    @Property
    void aLessonWithAnActivityHasNoNullMention(@ForAll("taskText") String text) {
        List<LessonMention> mentions = resolve(RESOLVER, text);
        for (LessonMention m : mentions) {
            if (m.activity() == null) {
                assertThat(mentions).filteredOn(o -> o.lesson() == m.lesson()).containsExactly(m);
            }
        }
    }

    @Provide
    Arbitrary<Integer> aliasIndex() {
        return Arbitraries.integers().between(0, 20);
    }

    @Provide
    Arbitrary<Long> caseFlips() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<Map.Entry<Activity, String>> activityWord() {
        List<Map.Entry<Activity, String>> all = new ArrayList<>();
        ActivityWords.WORDS.forEach((activity, words) -> words.forEach(w -> all.add(Map.entry(activity, w))));
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<String> finishWord() {
        return Arbitraries.of(List.copyOf(ActivityWords.FINISH_WORDS))
                .flatMap(w -> caseFlips().map(f -> flipCase(w, f)));
    }

    @Provide
    Arbitrary<String> aliasForm() {
        return Arbitraries.of("Lesson {n}", "lesson {n}", "LESSON {n}", "lesson{n}", "Lesson-{n}", "[[Lesson {n}]]", "[[Lessons/Lesson {n}]]");
    }

    @Provide
    Arbitrary<String> before() {
        return Arbitraries.of("", " ", "Started ", "(", "[[", "- ", "Notes: ", "\t", "**", "Lessons/");
    }

    @Provide
    Arbitrary<String> after() {
        return Arbitraries.of("", " ", ")", "]]", ".", ", then lunch", "!", "'s notes", ": recap", "**", "\n");
    }

    @Provide
    Arbitrary<String> punctuation() {
        return Arbitraries.of("", "(", ")", "**", "_", "\"", "'", ",", ".", ":", "!", "?", "[[", "]]", "—", "…", "#");
    }

    @Provide
    Arbitrary<String> glue() {
        return Arbitraries.strings().withChars("xqzj").ofMinLength(1).ofMaxLength(3);
    }

    @Provide
    Arbitrary<String> taskText() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("Lesson 1", "lesson 3", "Lesson 5", "lesson8", "Lesson 10", "[[Lesson 2]]",
                        "https://course.fast.ai/Lessons/lesson6.html",
                        "https://github.com/fastai/fastbook/blob/master/04_mnist_basics.ipynb",
                        "https://www.kaggle.com/code/jhoward/collaborative-filtering-deep-dive",
                        "finished", "complete", "and", "the", "already", "bookmark", "today", ",", "!"),
                activityWord().map(Map.Entry::getValue));
        return piece.list().ofMaxSize(8).map(parts -> String.join(" ", parts));
    }

    private static String flipCase(String s, long flips) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean upper = ((flips >>> (i % 64)) & 1L) == 1L;
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }
}
