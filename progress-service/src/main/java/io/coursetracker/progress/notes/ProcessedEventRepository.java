package io.coursetracker.progress.notes;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
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

    /**
     * Records every id in one statement; returns those that were not recorded before. An id given
     * twice is recorded once and returned once: telling its first occurrence from the repeats is the
     * caller's business.
     */
    public Set<UUID> firstTimes(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        // Plain JDBC: one array parameter, whatever the batch's size, and no flush of the session.
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            Set<UUID> first = new HashSet<>();
            Array ids = connection.createArrayOf("uuid", eventIds.toArray());
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO processed_event (event_id, processed_at)
                    SELECT DISTINCT id, now() FROM unnest(?::uuid[]) AS ids(id)
                    ON CONFLICT DO NOTHING
                    RETURNING event_id""")) {
                insert.setArray(1, ids);
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        first.add(rows.getObject(1, UUID.class));
                    }
                }
            } finally {
                ids.free();
            }
            return first;
        });
    }

    /** Deletes up to {@code limit} ids applied before {@code appliedBefore}; returns how many went. */
    public int deleteAppliedBefore(Instant appliedBefore, int limit) {
        return getEntityManager().createNativeQuery("""
                        DELETE FROM processed_event WHERE event_id IN (
                            SELECT event_id FROM processed_event WHERE processed_at < ?1 LIMIT ?2)""")
                .setParameter(1, appliedBefore)
                .setParameter(2, limit)
                .executeUpdate();
    }
}
