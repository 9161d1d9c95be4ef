package io.coursetracker.progress.notes;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class StoredNoteRepository implements PanacheRepositoryBase<StoredNote, StoredNote.Key> {

    public Optional<StoredNote> lock(String learnerId, String notePath) {
        return findByIdOptional(new StoredNote.Key(learnerId, notePath), LockModeType.PESSIMISTIC_WRITE);
    }

    public List<StoredNote> liveNotesOf(String learnerId) {
        return list("key.learnerId = ?1 AND deleted = false", learnerId);
    }
}
