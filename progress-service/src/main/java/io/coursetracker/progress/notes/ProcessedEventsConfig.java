package io.coursetracker.progress.notes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The record of applied note event ids ({@code progress.processed-events.*}). */
@ConfigMapping(prefix = "progress.processed-events")
public interface ProcessedEventsConfig {
    /**
     * How long an applied event's id is kept, to recognise the event if Kafka delivers it again.
     * Kafka can only deliver again what {@code notes.events.v1} still holds, and that topic keeps a
     * record 7 days (the broker's default retention; no topic setting changes it), so this must stay longer than the topic's retention. An older
     * id is deleted; the event, were it ever read again, would still change nothing, because a
     * revision not newer than the note's applied one is ignored.
     */
    @WithDefault("14d")
    Duration keep();

    /**
     * How often the ids past {@link #keep()} are deleted ({@link ProcessedEventPruner}): a duration
     * such as {@code 1h}, or {@code off} (the tests, which prune when they choose).
     */
    @WithDefault("1h")
    String pruneEvery();
}
