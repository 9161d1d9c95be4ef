package io.coursetracker.tracker.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Live updates ({@code tracker.live.*}): the event streams and the feed that reads progress events for them. */
@ConfigMapping(prefix = "tracker.live")
public interface LiveConfig {
    /** A comment line this often keeps an idle event stream open through proxies. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /**
     * How often an open stream asks again whether its caller may still read it (the same check that
     * opened it). With {@code tracker.auth.token-cache-ttl} it must stay under a second: a stream
     * ends within a second of its caller losing the right (start-up refuses anything longer).
     */
    @WithDefault("PT0.4S")
    Duration recheck();

    /** How often the feed looks for new partitions of {@code progress.events.v1}. */
    @WithDefault("PT1M")
    Duration partitionCheck();

    /** The longest wait between two tries of the feed to read again after Kafka failed it (it starts at 0.5 s and doubles). */
    @WithDefault("PT10S")
    Duration maxRetryDelay();
}
