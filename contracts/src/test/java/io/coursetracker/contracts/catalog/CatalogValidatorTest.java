package io.coursetracker.contracts.catalog;

import io.coursetracker.contracts.catalog.CatalogLesson.Chapter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogValidatorTest {

    private static CatalogLesson lesson(int n, String... aliases) {
        return new CatalogLesson(n, "Week " + n, "https://example.org/course/week" + n,
                List.of(new Chapter(n, "Chapter " + n, List.of("https://example.org/book/ch" + n))),
                List.of("https://example.org/nb/week" + n), List.of(aliases));
    }

    private static CourseCatalog course(CatalogLesson... lessons) {
        return new CourseCatalog("team-course", "Our team course", List.of(lessons));
    }

    @Test
    void aCompleteCatalogHasNoProblems() {
        CourseCatalog ok = course(lesson(1, "Week 1"), lesson(2, "Week 2"), lesson(4, "Week 4"));
        assertThat(CatalogValidator.problems(ok)).isEmpty();
        assertThat(CatalogValidator.validate(ok)).isSameAs(ok);
    }

    @Test
    void blankIdAndTitleAreProblems() {
        CourseCatalog blank = new CourseCatalog(" ", "", List.of(lesson(1)));
        assertThat(CatalogValidator.problems(blank)).containsExactly("course id is blank", "course title is blank");
        assertThat(CatalogValidator.problems(new CourseCatalog(null, null, List.of(lesson(1))))).hasSize(2);
    }

    @Test
    void theIdMustBeUsableInAUrl() {
        assertThat(CatalogValidator.problems(new CourseCatalog("Our Course/2", "t", List.of(lesson(1)))))
                .singleElement().asString().contains("course id 'Our Course/2'");
    }

    @Test
    void aCourseNeedsLessons() {
        assertThat(CatalogValidator.problems(course())).containsExactly("course has no lessons");
    }

    @Test
    void lessonNumbersAreUniqueAndStartAtOne() {
        assertThat(CatalogValidator.problems(course(lesson(1), lesson(1, "again"))))
                .containsExactly("lesson 1: duplicate lesson number");
        assertThat(CatalogValidator.problems(course(lesson(0), lesson(-2))))
                .anyMatch(p -> p.startsWith("lesson 0") && p.contains("start at 1"))
                .anyMatch(p -> p.startsWith("lesson -2") && p.contains("start at 1"));
    }

    @Test
    void blankLessonTitleAndPageUrlAreProblems() {
        CatalogLesson bare = new CatalogLesson(3, " ", "", List.of(), List.of(), List.of());
        assertThat(CatalogValidator.problems(course(bare)))
                .containsExactly("lesson 3: title is blank", "lesson 3: page url is blank");
    }

    @Test
    void urlsMustBeAbsoluteHttp() {
        CatalogLesson relative = new CatalogLesson(1, "t", "lessons/one.html",
                List.of(new Chapter(1, "c", List.of("ftp://example.org/c1", " "))),
                List.of("not a url at all"), List.of());
        assertThat(CatalogValidator.problems(course(relative))).containsExactly(
                "lesson 1: page url 'lessons/one.html' is not an absolute http(s) url",
                "lesson 1, chapter 1: url 'ftp://example.org/c1' is not an absolute http(s) url",
                "lesson 1, chapter 1: url is blank",
                "lesson 1: notebook url 'not a url at all' is not a url: Illegal character in path");
    }

    @Test
    void twoLessonsCannotShareAPage() {
        CatalogLesson one = lesson(1);
        CatalogLesson copy = new CatalogLesson(2, "t", "HTTP://example.org/course/week1/", List.of(), List.of(), List.of());
        assertThat(CatalogValidator.problems(course(one, copy)))
                .containsExactly("lesson 2: page url HTTP://example.org/course/week1/ is also lesson 1's page");
    }

    @Test
    void aSharedChapterMustBeTheSameChapterInBothLessons() {
        Chapter ch = new Chapter(4, "Training", List.of("https://example.org/book/ch4"));
        Chapter renamed = new Chapter(4, "Training, again", List.of("https://example.org/book/ch4"));
        CatalogLesson a = new CatalogLesson(1, "a", "https://example.org/a", List.of(ch), List.of(), List.of());
        CatalogLesson same = new CatalogLesson(2, "b", "https://example.org/b", List.of(ch), List.of(), List.of());
        CatalogLesson other = new CatalogLesson(3, "c", "https://example.org/c", List.of(renamed), List.of(), List.of());
        assertThat(CatalogValidator.problems(course(a, same))).isEmpty();
        assertThat(CatalogValidator.problems(course(a, other))).singleElement().asString()
                .startsWith("lesson 3, chapter 4: differs from chapter 4");
    }

    @Test
    void chapterNumbersAndTitlesAreChecked() {
        CatalogLesson l = new CatalogLesson(1, "a", "https://example.org/a",
                List.of(new Chapter(0, "", List.of())), List.of(), List.of());
        assertThat(CatalogValidator.problems(course(l))).containsExactly(
                "lesson 1, chapter 0: chapter numbers start at 1", "lesson 1, chapter 0: title is blank");
    }

    @Test
    void anAliasNamesOneLessonOnly() {
        assertThat(CatalogValidator.problems(course(lesson(1, "Week 1", "intro"), lesson(2, "Week 2", "INTRO"))))
                .containsExactly("lesson 2: alias 'INTRO' also names lesson 1");
        assertThat(CatalogValidator.problems(course(lesson(1, "Week 1", "week   1"))))
                .containsExactly("lesson 1: alias 'week   1' is listed twice");
        assertThat(CatalogValidator.problems(course(lesson(1, " "))))
                .containsExactly("lesson 1: an alias is blank");
    }

    @Test
    void validateThrowsWithEveryProblemInTheMessage() {
        assertThatThrownBy(() -> CatalogValidator.validate(new CourseCatalog("", "", List.of())))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("course id is blank")
                .hasMessageContaining("course has no lessons")
                .satisfies(e -> assertThat(((InvalidCatalogException) e).problems()).hasSize(3));
    }
}
