package io.coursetracker.contracts.catalog;

import io.coursetracker.contracts.note.Activity;
import io.coursetracker.contracts.note.LessonMention;
import io.coursetracker.contracts.note.Note;
import io.coursetracker.contracts.note.SectionCounts;
import io.coursetracker.contracts.note.Task;
import io.coursetracker.contracts.note.TaskStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.coursetracker.contracts.note.Activity.NOTEBOOK;
import static io.coursetracker.contracts.note.Activity.QUESTIONNAIRE;
import static io.coursetracker.contracts.note.Activity.READ;
import static io.coursetracker.contracts.note.Activity.WATCH;
import static org.assertj.core.api.Assertions.assertThat;

class LessonMentionResolverTest {

    static final String FASTAI = BundledCatalogs.FASTAI_PART1_2022;
    static final List<CourseCatalog> FOLLOWED = List.of(BundledCatalogs.fastaiPart1());

    static List<LessonMention> resolve(String text, String... links) {
        return LessonMentionResolver.resolve(new Task(text, TaskStatus.DONE, null, List.of(links), List.of()), FOLLOWED);
    }

    static LessonMention m(int lesson, Activity activity) {
        return new LessonMention(FASTAI, lesson, activity);
    }

    @Nested
    class LinksToTheLessonPage {

        @ParameterizedTest
        @ValueSource(strings = {
                "https://course.fast.ai/Lessons/lesson3.html",
                "https://course.fast.ai/Lessons/lesson3",
                "http://course.fast.ai/Lessons/lesson3.html",
                "https://COURSE.Fast.AI/Lessons/lesson3.html#jump-to-lesson-resources",
                "https://course.fast.ai/Lessons/lesson3/",
                "https://www.course.fast.ai/lessons/Lesson3.html",
                "course.fast.ai/Lessons/lesson3.html"})
        void everySpellingOfTheLinkMentionsTheLesson(String link) {
            assertThat(resolve("Watch the second half", link)).containsExactly(m(3, WATCH));
        }

        @Test
        void aUrlWrittenInTheTextCountsLikeALink() {
            assertThat(resolve("Rewatched https://course.fast.ai/Lessons/lesson2.html, the deployment part."))
                    .containsExactly(m(2, WATCH));
        }

        @Test
        void aPageLinkAloneNamesNoActivity() {
            assertThat(resolve("[Neural net foundations](https://course.fast.ai/Lessons/lesson3.html)",
                    "https://course.fast.ai/Lessons/lesson3.html"))
                    .containsExactly(m(3, null));
        }

        @Test
        void anotherLessonsPageIsNotThisLesson() {
            assertThat(resolve("watch", "https://course.fast.ai/Lessons/lesson30.html")).isEmpty();
            assertThat(resolve("watch", "https://course.fast.ai/Lessons/lesson1.html.bak")).isEmpty();
        }

        @Test
        void wordsInsideAUrlAreNotTheLearnersWords() {
            // "code" is in the Kaggle URL, "book" in fastbook: neither names an activity by itself.
            assertThat(resolve("Look at https://www.kaggle.com/code/jhoward/how-does-a-neural-net-really-work"))
                    .containsExactly(m(3, NOTEBOOK));
            assertThat(resolve("Skim https://course.fast.ai/Lessons/lesson1.html?from=book"))
                    .containsExactly(m(1, null));
        }
    }

    @Nested
    class LinksToChaptersAndNotebooks {

        @Test
        void aChapterLinkImpliesRead() {
            assertThat(resolve("[The production chapter](https://github.com/fastai/fastbook/blob/master/02_production.ipynb)",
                    "https://github.com/fastai/fastbook/blob/master/02_production.ipynb"))
                    .containsExactly(m(2, READ));
        }

        @Test
        void aSharedChapterMentionsBothLessons() {
            String mnist = "https://github.com/fastai/fastbook/blob/master/04_mnist_basics.ipynb";
            assertThat(resolve("Go through 04_mnist_basics", mnist)).containsExactly(m(3, READ), m(5, READ));
            String tabular = "https://colab.research.google.com/github/fastai/fastbook/blob/master/09_tabular.ipynb";
            assertThat(resolve("Tabular deep dive", tabular)).containsExactly(m(5, READ), m(6, READ));
        }

        @Test
        void aNotebookLinkImpliesNotebook() {
            assertThat(resolve("Bird or not?",
                    "https://www.kaggle.com/code/jhoward/is-it-a-bird-creating-a-model-from-your-own-data"))
                    .containsExactly(m(1, NOTEBOOK));
        }

        @Test
        void aPageBelowTheNotebookStillCounts() {
            assertThat(resolve("Forked it",
                    "https://www.kaggle.com/code/jhoward/how-random-forests-really-work/edit?scriptVersionId=1"))
                    .containsExactly(m(6, NOTEBOOK));
        }

        @Test
        void wordsNamingAnotherActivityWinOverTheLink() {
            assertThat(resolve("Watched Jeremy walk through it",
                    "https://www.kaggle.com/code/jhoward/getting-started-with-nlp-for-absolute-beginners"))
                    .containsExactly(m(4, WATCH));
        }

        @Test
        void aChapterLinkAndANotebookLinkEachImplyTheirOwn() {
            assertThat(resolve("Lesson 6 homework",
                    "https://github.com/fastai/fastbook/blob/master/09_tabular.ipynb",
                    "https://www.kaggle.com/code/jhoward/first-steps-road-to-the-top-part-1"))
                    .containsExactly(m(5, READ), m(6, NOTEBOOK), m(6, READ));
        }
    }

    @Nested
    class WikilinksAndAliases {

        @ParameterizedTest
        @ValueSource(strings = {"[[Lesson 2]]", "[[lesson2]]", "[[Lessons/Lesson 2]]", "[[Lesson 2|deployment]]",
                "![[Lesson 2#Notes]]"})
        void aWikilinkInTheTextMentionsTheLesson(String wikilink) {
            assertThat(resolve("Notes in " + wikilink)).containsExactly(m(2, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Lesson 2", "lesson2", "Lessons/Lesson 2", "[[Lessons/Lesson 2.md]]",
                "Lessons/Lesson%202.md", "Lesson 2|the one about deployment"})
        void aWikilinkTargetInTheLinksMentionsTheLesson(String target) {
            assertThat(resolve("Tidy up my notes", target)).containsExactly(m(2, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Lesson 7", "lesson 7", "LESSON7", "Lesson-7", "lesson_7", "Lesson #7",
                "Lesson\u00A07", "Lesson   7", "(lesson 7)", "lesson 7's", "fast.ai lesson 7:"})
        void aliasesMatchInTextWhateverTheCase(String written) {
            assertThat(resolve("Started " + written + " today")).containsExactly(m(7, null));
        }

        @Test
        void aliasesMatchWholeWordsOnly() {
            assertThat(resolve("Skipped ahead to Lesson 10 of another course")).isEmpty();
            assertThat(resolve("Lesson 12 and lesson 1a and Lesson 1.5 is not a thing"))
                    .containsExactly(m(1, null));
            assertThat(resolve("sublesson1 and lesson1x")).isEmpty();
        }

        @Test
        void theSameLessonTwiceIsOneMention() {
            assertThat(resolve("Lesson 4 (see [[Lesson 4]] and https://course.fast.ai/Lessons/lesson4)",
                    "https://course.fast.ai/Lessons/lesson4.html", "Lesson 4"))
                    .containsExactly(m(4, null));
        }

        @Test
        void severalLessonsInOneTask() {
            assertThat(resolve("Watch Lesson 3 and Lesson 5"))
                    .containsExactly(m(3, WATCH), m(5, WATCH));
        }

        @Test
        void onlyCoursesTheLearnerFollowsAreResolved() {
            assertThat(LessonMentionResolver.resolve(
                    new Task("Watch lesson 1", TaskStatus.DONE, null, List.of(), List.of()), List.of()))
                    .isEmpty();
        }

        @Test
        void twoFollowedCoursesWithTheSameAliasAreBothMentioned() {
            CourseCatalog team = new CourseCatalog("a-team-course", "Team course", List.of(new CatalogLesson(1, "Intro",
                    "https://example.org/intro", List.of(), List.of(), List.of("Lesson 1"))));
            Task task = new Task("Watched lesson 1", TaskStatus.DONE, null, List.of(), List.of());
            assertThat(LessonMentionResolver.resolve(task, List.of(BundledCatalogs.fastaiPart1(), team)))
                    .containsExactly(new LessonMention("a-team-course", 1, WATCH), m(1, WATCH));
        }

        @Test
        void prosesWithoutAnyLessonMentionNothing() {
            assertThat(resolve("Set up the environment with uv and read the docs")).isEmpty();
            assertThat(resolve(null)).isEmpty();
        }
    }

    @Nested
    class ActivityWordsInTheTask {

        @Test
        void watchVideoLecture() {
            assertThat(resolve("Watch Lesson 1")).containsExactly(m(1, WATCH));
            assertThat(resolve("lesson 1 video, 2nd half")).containsExactly(m(1, WATCH));
            assertThat(resolve("Lecture for lesson 1 (at 1.5x)")).containsExactly(m(1, WATCH));
            assertThat(resolve("rewatching lesson 1 because the first time was a blur")).containsExactly(m(1, WATCH));
        }

        @Test
        void readChapterBook() {
            assertThat(resolve("Reading for Lesson 8")).containsExactly(m(8, READ));
            assertThat(resolve("Lesson 8 chapter")).containsExactly(m(8, READ));
            assertThat(resolve("Book, lesson 8 part")).containsExactly(m(8, READ));
            assertThat(resolve("re-read lesson 8")).containsExactly(m(8, READ));
        }

        @Test
        void notebookKaggleColabCode() {
            assertThat(resolve("Run the lesson 2 notebooks")).containsExactly(m(2, NOTEBOOK));
            assertThat(resolve("Lesson 2 on Kaggle")).containsExactly(m(2, NOTEBOOK));
            assertThat(resolve("lesson 2 in Colab")).containsExactly(m(2, NOTEBOOK));
            assertThat(resolve("Coded along with lesson 2")).containsExactly(m(2, NOTEBOOK));
        }

        @Test
        void questionnaireQuiz() {
            assertThat(resolve("Lesson 6 questionnaire")).containsExactly(m(6, QUESTIONNAIRE));
            assertThat(resolve("Quizzed myself on lesson 6")).containsExactly(m(6, QUESTIONNAIRE));
        }

        @Test
        void severalActivityWordsAreSeveralMentions() {
            assertThat(resolve("Watched lesson 5 and worked through its notebook"))
                    .containsExactly(m(5, WATCH), m(5, NOTEBOOK));
        }

        @Test
        void partsOfWordsAreNotActivityWords() {
            assertThat(resolve("Already halfway through lesson 3")).containsExactly(m(3, null));
            assertThat(resolve("Bookmark lesson 3 for later")).containsExactly(m(3, null));
            assertThat(resolve("Lesson 3 ready to go, videography aside")).containsExactly(m(3, null));
            assertThat(resolve("Lesson 3 from my notebook")).containsExactly(m(3, NOTEBOOK));
        }

        @Test
        void brokenBytesDoNotGlueOntoWords() {
            assertThat(resolve("Watchedâ€” lesson 3 ðŸŽ¯")).containsExactly(m(3, WATCH));
        }

        @Test
        void noActivityWordIsAMentionWithoutActivity() {
            assertThat(resolve("Lesson 4 – tokenisation")).containsExactly(m(4, null));
        }
    }

    @Nested
    class FinishAndComplete {

        @Test
        void finishWithNoActivityWordIsAllFour() {
            List<LessonMention> all = List.of(m(2, WATCH), m(2, NOTEBOOK), m(2, READ), m(2, QUESTIONNAIRE));
            assertThat(resolve("Complete [[Lesson 2]]")).containsExactlyElementsOf(all);
            assertThat(resolve("Finished lesson 2!")).containsExactlyElementsOf(all);
            assertThat(resolve("completing lesson2 this weekend")).containsExactlyElementsOf(all);
        }

        @Test
        void finishWithAnActivityWordIsOnlyThatActivity() {
            assertThat(resolve("Finish the lesson 4 questionnaire")).containsExactly(m(4, QUESTIONNAIRE));
            assertThat(resolve("Completed the lesson 4 video and chapter"))
                    .containsExactly(m(4, WATCH), m(4, READ));
        }

        @Test
        void finishWithOnlyAChapterLinkIsTheReading() {
            assertThat(resolve("Finish it", "https://github.com/fastai/fastbook/blob/master/08_collab.ipynb"))
                    .containsExactly(m(7, READ));
        }

        @Test
        void finishANamedLessonStillMeansAllOfIt() {
            assertThat(resolve("Complete lesson 6",
                    "https://github.com/fastai/fastbook/blob/master/09_tabular.ipynb"))
                    .containsExactly(m(5, READ), m(6, WATCH), m(6, NOTEBOOK), m(6, READ), m(6, QUESTIONNAIRE));
        }
    }

    @Nested
    class TheSplitWithProgressService {

        @Test
        void statusDoesNotChangeTheMentions() {
            for (TaskStatus status : TaskStatus.values()) {
                Task task = new Task("Watch [[Lesson 1]]", status, null, List.of(), List.of());
                assertThat(LessonMentionResolver.resolve(task, FOLLOWED)).as("%s", status).containsExactly(m(1, WATCH));
            }
        }

        @Test
        void theTasksOwnLessonsAreIgnored() {
            Task stale = new Task("Watch lesson 1", TaskStatus.DONE, null, List.of(), List.of(m(8, READ)));
            assertThat(LessonMentionResolver.resolve(stale, FOLLOWED)).containsExactly(m(1, WATCH));
        }

        @Test
        void resolveAllFillsEveryTaskOfANote() {
            Note note = new Note(null, false, true, List.of(),
                    List.of(new Task("Watch [Part 1](https://course.fast.ai/Lessons/lesson1.html)", TaskStatus.DONE, null,
                                    List.of("https://course.fast.ai/Lessons/lesson1.html"), List.of()),
                            new Task("Buy coffee", TaskStatus.OPEN, null, List.of(), List.of())),
                    SectionCounts.EMPTY, List.of(), List.of(), List.of());
            Note resolved = LessonMentionResolver.forCatalogs(FOLLOWED).resolveAll(note);
            assertThat(resolved.tasks()).extracting(Task::lessons)
                    .containsExactly(List.of(m(1, WATCH)), List.of());
        }
    }

    @Nested
    class CompiledResolversAreReused {

        @Test
        void theSameCoursesGetTheSameCompiledResolver() {
            List<CourseCatalog> equalCopy = List.of(new CourseCatalog(FASTAI, BundledCatalogs.fastaiPart1().title(),
                    List.copyOf(BundledCatalogs.fastaiPart1().lessons())));
            assertThat(LessonMentionResolver.forCatalogs(equalCopy)).isSameAs(LessonMentionResolver.forCatalogs(FOLLOWED));
        }

        @Test
        void aRepublishedCatalogIsResolvedWithItsNewAliases() {
            CourseCatalog bundled = BundledCatalogs.fastaiPart1();
            CatalogLesson first = bundled.lessons().get(0);
            List<String> aliases = new java.util.ArrayList<>(first.aliases());
            aliases.add("the pet breeds one");
            List<CatalogLesson> lessons = new java.util.ArrayList<>(bundled.lessons());
            lessons.set(0, new CatalogLesson(first.number(), first.title(), first.url(), first.chapters(), first.notebooks(), aliases));
            CourseCatalog republished = new CourseCatalog(bundled.id(), bundled.title(), lessons);
            Task task = new Task("Watch the pet breeds one", TaskStatus.DONE, null, List.of(), List.of());

            assertThat(LessonMentionResolver.resolve(task, FOLLOWED)).isEmpty();
            assertThat(LessonMentionResolver.resolve(task, List.of(republished))).containsExactly(m(1, WATCH));
            assertThat(LessonMentionResolver.resolve(task, FOLLOWED)).as("the bundled catalog again").isEmpty();
        }
    }
}
