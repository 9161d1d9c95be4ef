package io.coursetracker.progress.questions;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionBookPropertiesTest {
    /** A few questions, each in several spellings, so that random notes repeat them. */
    private static final List<String> SPELLINGS = List.of(
            "What is a tensor?", "what is a tensor", "What  is a TENSOR ?",
            "Why does the loss go up?", "why does the loss go up",
            "How big should a batch be?", "Is fine-tuning cheating?", "Is fine-tuning cheating??");

    /** One note: its questions in the order they are written. */
    record NoteQuestions(List<AskedQuestion> questions) {
    }

    @Provide
    Arbitrary<List<NoteQuestions>> vaults() {
        Arbitrary<NoteQuestions> note = Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.of(SPELLINGS).list().ofMaxSize(4),
                Arbitraries.of(true, false).list().ofSize(4),
                Arbitraries.of(SPELLINGS).list().ofMaxSize(2).list().ofSize(4)
        ).as((day, texts, answered, subs) -> {
            // Day 0 is an undated note; the others are daily notes of August 2025.
            LocalDate date = day == 0 ? null : LocalDate.of(2025, 8, day);
            String path = date == null ? "Questions.md" : "Daily/" + date + ".md";
            List<AskedQuestion> questions = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                questions.add(new AskedQuestion(path, date, texts.get(i), answered.get(i), subs.get(i)));
            }
            return new NoteQuestions(questions);
        });
        // One note per path, as in a vault.
        return note.list().ofMaxSize(6).uniqueElements(n -> n.questions().isEmpty() ? "" : n.questions().get(0).notePath())
                .map(notes -> notes.stream().filter(n -> !n.questions().isEmpty()).toList());
    }

    private static List<AskedQuestion> flatten(List<NoteQuestions> notes) {
        return notes.stream().flatMap(n -> n.questions().stream()).toList();
    }

    @Property
    void theOrderOfTheNotesDoesNotMatter(@ForAll("vaults") List<NoteQuestions> notes, @ForAll Random random) {
        List<NoteQuestions> shuffled = new ArrayList<>(notes);
        Collections.shuffle(shuffled, random);

        assertThat(QuestionBook.merge(flatten(shuffled))).isEqualTo(QuestionBook.merge(flatten(notes)));
    }

    @Property
    void everyNoteGivenTwiceChangesNothing(@ForAll("vaults") List<NoteQuestions> notes) {
        List<AskedQuestion> once = flatten(notes);
        List<AskedQuestion> twice = new ArrayList<>(once);
        twice.addAll(once);
        List<AskedQuestion> eachTwice = new ArrayList<>();
        for (AskedQuestion question : once) {
            eachTwice.add(question);
            eachTwice.add(question);
        }

        assertThat(QuestionBook.merge(twice)).isEqualTo(QuestionBook.merge(once));
        assertThat(QuestionBook.merge(eachTwice)).isEqualTo(QuestionBook.merge(once));
    }

    @Property
    void eachDistinctQuestionIsListedOnceAndAnsweredIfAnyNoteAnswersIt(@ForAll("vaults") List<NoteQuestions> notes) {
        List<AskedQuestion> asked = flatten(notes);
        List<MergedQuestion> merged = QuestionBook.merge(asked);

        Set<String> distinct = asked.stream().map(q -> QuestionBook.normalize(q.text())).collect(Collectors.toSet());
        assertThat(merged).hasSize(distinct.size());
        for (MergedQuestion question : merged) {
            String key = QuestionBook.normalize(question.text());
            assertThat(question.answered()).isEqualTo(asked.stream()
                    .anyMatch(q -> QuestionBook.normalize(q.text()).equals(key) && q.answered()));
            assertThat(question.subQuestions().stream().map(QuestionBook::normalize).distinct())
                    .hasSameSizeAs(question.subQuestions());
        }
        assertThat(QuestionBook.open(asked)).allMatch(q -> !q.answered());
    }
}
