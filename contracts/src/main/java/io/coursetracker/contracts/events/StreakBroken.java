package io.coursetracker.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The learner's current streak shrank because a note was edited or deleted, as of {@code asOf}.
 * A streak that ends because days pass without notes publishes nothing; reads show it.
 *
 * @param brokenOn the first missed day that the rest days could not cover (null when the streak
 *                 is still alive, only shorter)
 */
public record StreakBroken(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String learnerId,
        LocalDate asOf,
        int previous,
        int current,
        LocalDate brokenOn) implements ProgressEvent {

    public static final int SCHEMA_VERSION = 1;

    public StreakBroken {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(asOf, "asOf");
    }
}
