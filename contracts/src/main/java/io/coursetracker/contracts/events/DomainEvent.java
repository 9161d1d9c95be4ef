package io.coursetracker.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event on every topic carries. {@code eventId} lets consumers drop duplicates;
 * {@code schemaVersion} is the version of the event's own shape (docs/events.md says how it evolves).
 */
public interface DomainEvent {
    UUID eventId();

    Instant occurredAt();

    int schemaVersion();
}
