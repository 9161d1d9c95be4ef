package io.coursetracker.ingest.notes;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

@ApplicationScoped
public class NoteHeadRepository implements PanacheRepositoryBase<NoteHead, NoteHead.NoteKey> {

    /**
     * The note's head row, locked for this transaction; created (as revision 0, deleted) when the
     * note is new, so that two first edits of one note queue on the same lock instead of racing.
     * Most edits are of a note that exists, so the lock is tried first: one statement for them, three
     * for a new note.
     */
    public NoteHead lockOrCreate(String learnerId, String notePath) {
        NoteHead.NoteKey key = new NoteHead.NoteKey(learnerId, notePath);
        Optional<NoteHead> existing = findByIdOptional(key, LockModeType.PESSIMISTIC_WRITE);
        if (existing.isPresent()) {
            return existing.get();
        }
        getEntityManager().createNativeQuery("""
                        INSERT INTO note_head (learner_id, note_path, revision, deleted, updated_at)
                        VALUES (?1, ?2, 0, true, ?3) ON CONFLICT DO NOTHING""")
                .setParameter(1, learnerId)
                .setParameter(2, notePath)
                .setParameter(3, Instant.now())
                .executeUpdate();
        return findByIdOptional(key, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
    }

    /**
     * {@link #lockOrCreate} for many notes of one learner in two statements: the missing heads are
     * created with one insert, then all are locked with one select, in path order (the order every
     * caller locks in, so two such calls cannot deadlock). Keyed by path.
     */
    public Map<String, NoteHead> lockOrCreateAll(String learnerId, SortedSet<String> notePaths) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO note_head (learner_id, note_path, revision, deleted, updated_at)
                        SELECT ?1, path, 0, true, ?3 FROM unnest(cast(?2 AS text[])) AS path
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, learnerId)
                .setParameter(2, notePaths.toArray(String[]::new))
                .setParameter(3, Instant.now())
                .executeUpdate();
        Map<String, NoteHead> locked = new HashMap<>();
        getEntityManager()
                .createQuery("FROM NoteHead h WHERE h.key.learnerId = ?1 AND h.key.notePath IN ?2 ORDER BY h.key.notePath", NoteHead.class)
                .setParameter(1, learnerId)
                .setParameter(2, notePaths)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .forEach(head -> locked.put(head.key.notePath(), head));
        return locked;
    }

    /** Paths of the learner's notes that are not deleted. */
    public List<String> livePaths(String learnerId) {
        return getEntityManager()
                .createQuery("SELECT h.key.notePath FROM NoteHead h WHERE h.key.learnerId = ?1 AND h.deleted = false", String.class)
                .setParameter(1, learnerId)
                .getResultList();
    }

    public Optional<NoteHead> lockExisting(String learnerId, String notePath) {
        return findByIdOptional(new NoteHead.NoteKey(learnerId, notePath), LockModeType.PESSIMISTIC_WRITE);
    }
}
