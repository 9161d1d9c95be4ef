package io.coursetracker.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The learner's current streak grew, as of {@code asOf} (the day in the learner's time zone when the
 * change was applied): a new active day, or a backfilled one that joined two runs.
 */
public record StreakExtended(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String learnerId,
        LocalDate asOf,
        int current,
        int longest) implements ProgressEvent {

    public static final int SCHEMA_VERSION = 1;

    public StreakExtended {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(asOf, "asOf");
    }
}
