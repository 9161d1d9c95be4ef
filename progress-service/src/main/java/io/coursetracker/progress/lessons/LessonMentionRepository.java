package io.coursetracker.progress.lessons;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class LessonMentionRepository implements PanacheRepository<LessonMentionRow> {
    // Collections are bound with setParameterList: given to setParameter, Hibernate first tries to
    // read the whole collection as one value, and builds and discards an exception for every call.

    /**
     * Replaces the mentions of several notes of the learner: one delete for all of them, then the new
     * rows, which Hibernate sends in JDBC batches at the next flush (their ids come from a pooled sequence).
     */
    public void replaceForNotes(String learnerId, Collection<String> notePaths, List<LessonMentionRow> rows) {
        if (!notePaths.isEmpty()) {
            getSession().createMutationQuery("DELETE FROM LessonMentionRow WHERE learnerId = :learner AND notePath IN :paths")
                    .setParameter("learner", learnerId)
                    .setParameterList("paths", notePaths)
                    .executeUpdate();
        }
        persist(rows);
    }

    public List<LessonMentionRow> ofLearner(String learnerId) {
        return list("learnerId", learnerId);
    }

    public List<LessonMentionRow> ofNote(String learnerId, String notePath) {
        return list("learnerId = ?1 AND notePath = ?2", learnerId, notePath);
    }

    /** The mentions in each of the given notes of the learner; every path is a key, a note without mentions has an empty list. */
    public Map<String, List<ActivityMention>> ofNotes(String learnerId, Collection<String> notePaths) {
        Map<String, List<ActivityMention>> byNote = new LinkedHashMap<>();
        notePaths.forEach(path -> byNote.put(path, new ArrayList<>()));
        if (!notePaths.isEmpty()) {
            List<LessonMentionRow> rows = getSession()
                    .createSelectionQuery("FROM LessonMentionRow WHERE learnerId = :learner AND notePath IN :paths", LessonMentionRow.class)
                    .setParameter("learner", learnerId)
                    .setParameterList("paths", notePaths)
                    .list();
            for (LessonMentionRow row : rows) {
                byNote.get(row.notePath).add(row.toActivityMention());
            }
        }
        return byNote;
    }

    /** The learner's mentions of the given lessons, from every live note. */
    public List<LessonMentionRow> ofLessons(String learnerId, Collection<LessonKey> lessons) {
        if (lessons.isEmpty()) {
            return List.of();
        }
        Set<String> courses = lessons.stream().map(LessonKey::course).collect(Collectors.toSet());
        Set<Integer> numbers = lessons.stream().map(LessonKey::lesson).collect(Collectors.toSet());
        return getSession()
                .createSelectionQuery("FROM LessonMentionRow WHERE learnerId = :learner AND courseId IN :courses AND lesson IN :lessons",
                        LessonMentionRow.class)
                .setParameter("learner", learnerId)
                .setParameterList("courses", courses)
                .setParameterList("lessons", numbers)
                .list().stream()
                .filter(row -> lessons.contains(new LessonKey(row.courseId, row.lesson)))
                .toList();
    }
}
