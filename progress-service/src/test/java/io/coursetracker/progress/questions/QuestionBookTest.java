package io.coursetracker.progress.questions;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionBookTest {
    private static final LocalDate AUG_2 = LocalDate.of(2025, 8, 2);
    private static final LocalDate AUG_3 = LocalDate.of(2025, 8, 3);

    private static AskedQuestion asked(String path, LocalDate date, String text, boolean answered, String... subs) {
        return new AskedQuestion(path, date, text, answered, List.of(subs));
    }

    @Test
    void aQuestionRepeatedInALaterNoteIsOneQuestionDatedByItsFirstNote() {
        List<MergedQuestion> merged = QuestionBook.merge(List.of(
                asked("Daily/2025-08-03.md", AUG_3, "why  does the loss  go UP?", false),
                asked("Daily/2025-08-02.md", AUG_2, "Why does the loss go up?", false)));

        assertThat(merged).containsExactly(
                new MergedQuestion("Why does the loss go up?", AUG_2, "Daily/2025-08-02.md", false, List.of()));
    }

    @Test
    void caseSpacingAndATrailingQuestionMarkDoNotMakeANewQuestion() {
        assertThat(QuestionBook.normalize("  What\tIS a\u00A0tensor ??  ")).isEqualTo("what is a tensor");
        assertThat(QuestionBook.merge(List.of(
                asked("a.md", AUG_2, "What is a tensor?", false),
                asked("b.md", AUG_3, "what is a   TENSOR", false)))).hasSize(1);
    }

    @Test
    void differentWordsStayDifferentQuestions() {
        assertThat(QuestionBook.merge(List.of(
                asked("a.md", AUG_2, "Why?", false),
                asked("a.md", AUG_2, "Why not?", false),
                asked("a.md", AUG_2, "Why? Really", false)))).extracting(MergedQuestion::text)
                .containsExactly("Why?", "Why not?", "Why? Really");
    }

    @Test
    void aCheckInAnyNoteAnswersTheQuestion() {
        List<MergedQuestion> answeredLater = QuestionBook.merge(List.of(
                asked("Daily/2025-08-02.md", AUG_2, "What is SGD?", false),
                asked("Daily/2025-08-03.md", AUG_3, "What is SGD?", true)));
        List<MergedQuestion> answeredFirst = QuestionBook.merge(List.of(
                asked("Daily/2025-08-02.md", AUG_2, "What is SGD?", true),
                asked("Daily/2025-08-03.md", AUG_3, "What is SGD?", false)));

        assertThat(answeredLater).singleElement().extracting(MergedQuestion::answered).isEqualTo(true);
        assertThat(answeredFirst).singleElement().extracting(MergedQuestion::answered).isEqualTo(true);
    }

    @Test
    void subQuestionsAreTheUnionInTheOrderFirstSeen() {
        List<MergedQuestion> merged = QuestionBook.merge(List.of(
                asked("Daily/2025-08-03.md", AUG_3, "How do I pick a learning rate?", false, "Is 1e-3 a default?", "What about lr_find"),
                asked("Daily/2025-08-02.md", AUG_2, "How do I pick a learning rate", false, "what about LR_FIND?", "Does batch size matter?")));

        assertThat(merged).singleElement().extracting(MergedQuestion::subQuestions)
                .isEqualTo(List.of("what about LR_FIND?", "Does batch size matter?", "Is 1e-3 a default?"));
    }

    @Test
    void undatedNotesComeAfterDatedOnesAndTiesGoByPath() {
        List<MergedQuestion> merged = QuestionBook.merge(List.of(
                asked("Questions.md", null, "What is a GPU for?", false),
                asked("Daily/b.md", AUG_3, "What is a GPU for?", false),
                asked("Daily/a.md", AUG_3, "What is a GPU for?", false)));

        assertThat(merged).singleElement().extracting(MergedQuestion::notePath).isEqualTo("Daily/a.md");
        assertThat(QuestionBook.merge(List.of(asked("Questions.md", null, "What is a GPU for?", false))))
                .singleElement().extracting(MergedQuestion::date).isNull();
    }

    @Test
    void questionsAreOrderedByFirstNoteThenByTheirPlaceInIt() {
        List<MergedQuestion> merged = QuestionBook.merge(List.of(
                asked("Inbox.md", null, "Undated", false),
                asked("Daily/2025-08-03.md", AUG_3, "Third", false),
                asked("Daily/2025-08-03.md", AUG_3, "First", false),
                asked("Daily/2025-08-02.md", AUG_2, "First", false),
                asked("Daily/2025-08-02.md", AUG_2, "Second", false)));

        assertThat(merged).extracting(MergedQuestion::text).containsExactly("First", "Second", "Third", "Undated");
    }

    @Test
    void openLeavesOutAnsweredQuestions() {
        List<MergedQuestion> open = QuestionBook.open(List.of(
                asked("a.md", AUG_2, "Answered later", false),
                asked("a.md", AUG_2, "Still open", false),
                asked("b.md", AUG_3, "answered later?", true)));

        assertThat(open).extracting(MergedQuestion::text).containsExactly("Still open");
    }

    @Test
    void noQuestionsMergeToNone() {
        assertThat(QuestionBook.merge(List.of())).isEmpty();
    }
}
