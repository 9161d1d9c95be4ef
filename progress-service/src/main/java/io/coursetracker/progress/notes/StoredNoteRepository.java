package io.coursetracker.progress.notes;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class StoredNoteRepository implements PanacheRepositoryBase<StoredNote, StoredNote.Key> {

    /**
     * Locks the learner's stored notes among the given paths, in one statement; a path without a
     * note is simply absent. Rows are locked in path order, so two transactions that lock
     * overlapping notes take their locks in the same order.
     */
    public Map<String, StoredNote> lockAll(String learnerId, Collection<String> notePaths) {
        Map<String, StoredNote> byPath = new HashMap<>();
        if (notePaths.isEmpty()) {
            return byPath;
        }
        // setParameterList: see LessonMentionRepository.
        getSession().createQuery(
                        "SELECT n FROM StoredNote n WHERE n.key.learnerId = :learner AND n.key.notePath IN :paths ORDER BY n.key.notePath",
                        StoredNote.class)
                .setParameter("learner", learnerId)
                .setParameterList("paths", notePaths)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(note -> byPath.put(note.key.notePath(), note));
        return byPath;
    }

    /** Every note of the learner, deleted ones too, by path. */
    public List<StoredNote> allNotesOf(String learnerId) {
        return list("key.learnerId = ?1 ORDER BY key.notePath", learnerId);
    }

    public List<StoredNote> liveNotesOf(String learnerId) {
        return list("key.learnerId = ?1 AND deleted = false", learnerId);
    }

    /** The study date (null: not a daily note) of each of the learner's live notes, by path; bodies are not read. */
    public Map<String, LocalDate> studyDatesOf(String learnerId) {
        Map<String, LocalDate> dates = new HashMap<>();
        getEntityManager().createQuery(
                        "SELECT n.key.notePath, n.studyDate FROM StoredNote n WHERE n.key.learnerId = :learner AND n.deleted = false",
                        Object[].class)
                .setParameter("learner", learnerId)
                .getResultList()
                .forEach(row -> dates.put((String) row[0], (LocalDate) row[1]));
        return dates;
    }
}
