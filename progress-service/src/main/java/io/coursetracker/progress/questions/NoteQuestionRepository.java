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

/** The questions of every live note, replaced whenever the note changes. */
@ApplicationScoped
public class NoteQuestionRepository implements PanacheRepositoryBase<NoteQuestionRow, NoteQuestionRow.Key> {
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };
    private final ObjectMapper json;

    public NoteQuestionRepository(ObjectMapper json) {
        this.json = json;
    }

    public void replaceForNote(String learnerId, String notePath, LocalDate studyDate, List<Question> questions) {
        delete("key.learnerId = ?1 AND key.notePath = ?2", learnerId, notePath);
        getEntityManager().flush();
        for (int position = 0; position < questions.size(); position++) {
            Question question = questions.get(position);
            NoteQuestionRow row = new NoteQuestionRow();
            row.key = new NoteQuestionRow.Key(learnerId, notePath, position);
            row.studyDate = studyDate;
            row.text = question.text();
            row.answered = question.answered();
            row.subQuestions = write(question.subQuestions());
            persist(row);
        }
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
