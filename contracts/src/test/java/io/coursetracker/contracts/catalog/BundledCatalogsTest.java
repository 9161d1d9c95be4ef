package io.coursetracker.contracts.catalog;

import io.coursetracker.contracts.catalog.CatalogLesson.Chapter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BundledCatalogsTest {

    private final CourseCatalog fastai = BundledCatalogs.fastaiPart1();

    @Test
    void theFastaiCatalogLoadsAndIsValid() {
        assertThat(fastai.id()).isEqualTo("fastai-part1-2022");
        assertThat(fastai.title()).isEqualTo("Practical Deep Learning for Coders (2022), Part 1");
        assertThat(CatalogValidator.problems(fastai)).isEmpty();
        assertThat(BundledCatalogs.all()).containsExactly(fastai);
        assertThat(BundledCatalogs.get("no-such-course")).isEmpty();
    }

    @Test
    void itHasLessonsOneToEightWithTheirTitlesAndPages() {
        assertThat(fastai.lessons()).extracting(CatalogLesson::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(fastai.lessons()).extracting(CatalogLesson::title).containsExactly(
                "Getting started", "Deployment", "Neural net foundations", "Natural Language (NLP)",
                "From-scratch model", "Random forests", "Collaborative filtering", "Convolutions (CNNs)");
        for (CatalogLesson lesson : fastai.lessons()) {
            assertThat(lesson.url()).isEqualTo("https://course.fast.ai/Lessons/lesson" + lesson.number() + ".html");
            assertThat(lesson.aliases()).contains("Lesson " + lesson.number(), "Lesson" + lesson.number());
        }
    }

    @Test
    void eachLessonListsItsBookChapters() {
        Map<Integer, List<Integer>> expected = Map.of(
                1, List.of(1), 2, List.of(2), 3, List.of(4), 4, List.of(10),
                5, List.of(4, 9), 6, List.of(9), 7, List.of(8), 8, List.of(13));
        expected.forEach((lesson, chapters) -> assertThat(fastai.lesson(lesson).orElseThrow().chapters())
                .extracting(Chapter::number).as("lesson %d", lesson).containsExactlyElementsOf(chapters));
    }

    @Test
    void chaptersPointAtTheFastbookNotebooks() {
        Chapter mnist = fastai.lesson(3).orElseThrow().chapters().get(0);
        assertThat(mnist.title()).isEqualTo("Under the Hood: Training a Digit Classifier");
        assertThat(mnist.urls()).contains("https://github.com/fastai/fastbook/blob/master/04_mnist_basics.ipynb");
        assertThat(fastai.lesson(5).orElseThrow().chapters()).contains(mnist);
        assertThat(fastai.lesson(8).orElseThrow().chapters().get(0).urls())
                .contains("https://github.com/fastai/fastbook/blob/master/13_convolutions.ipynb");
    }

    @Test
    void lessonOneHasTheBirdNotebook() {
        assertThat(fastai.lesson(1).orElseThrow().notebooks())
                .contains("https://www.kaggle.com/code/jhoward/is-it-a-bird-creating-a-model-from-your-own-data");
    }

    @Test
    void aCatalogSurvivesAWriteAndReadBack() {
        assertThat(CatalogReader.read(CatalogReader.write(fastai))).isEqualTo(fastai);
    }
}
