package io.coursetracker.progress.questions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.note.Question;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The questions of every live note, replaced whenever the note changes. */
@ApplicationScoped
public class NoteQuestionRepository implements PanacheRepositoryBase<NoteQuestionRow, NoteQuestionRow.Key> {
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };
    private final ObjectMapper json;

    public NoteQuestionRepository(ObjectMapper json) {
        this.json = json;
    }

    /** A note's questions as they are to be stored: those of its study date (null: not a daily note). */
    public record NoteQuestions(LocalDate studyDate, List<Question> questions) {
        public static final NoteQuestions NONE = new NoteQuestions(null, List.of());
    }

    /**
     * Replaces the questions of each given note of the learner (an empty list deletes them): one
     * delete for all the notes, then the new rows, which Hibernate sends in JDBC batches at the next flush.
     */
    public void replaceForNotes(String learnerId, Map<String, NoteQuestions> byNote) {
        if (byNote.isEmpty()) {
            return;
        }
        // setParameterList: see LessonMentionRepository.
        getSession().createMutationQuery("DELETE FROM NoteQuestionRow WHERE key.learnerId = :learner AND key.notePath IN :paths")
                .setParameter("learner", learnerId)
                .setParameterList("paths", byNote.keySet())
                .executeUpdate();
        byNote.forEach((notePath, note) -> {
            for (int position = 0; position < note.questions().size(); position++) {
                Question question = note.questions().get(position);
                NoteQuestionRow row = new NoteQuestionRow();
                row.key = new NoteQuestionRow.Key(learnerId, notePath, position);
                row.studyDate = note.studyDate();
                row.text = question.text();
                row.answered = question.answered();
                row.subQuestions = write(question.subQuestions());
                persist(row);
            }
        });
    }

    /** Every question of the learner's live notes, in the order the notes asked them. */
    public List<AskedQuestion> askedBy(String learnerId) {
        List<AskedQuestion> asked = new ArrayList<>();
        for (NoteQuestionRow row : list("key.learnerId = ?1 ORDER BY key.notePath, key.position", learnerId)) {
            asked.add(new AskedQuestion(row.key.notePath(), row.studyDate, row.text, row.answered, read(row.subQuestions)));
        }
        return asked;
    }

    private String write(List<String> texts) {
        try {
            return json.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String texts) {
        try {
            return json.readValue(texts, TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored sub-questions are unreadable", e);
        }
    }
}
