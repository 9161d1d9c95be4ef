package io.coursetracker.progress.notes;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Event ids already applied, checked in the same transaction as the change they made. */
@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, UUID> {

    /** Records the id; false when it was recorded before (the event is a duplicate). */
    public boolean firstTime(UUID eventId) {
        int inserted = getEntityManager().createNativeQuery(
                        "INSERT INTO processed_event (event_id, processed_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, eventId)
                .setParameter(2, Instant.now())
                .executeUpdate();
        return inserted == 1;
    }
}
