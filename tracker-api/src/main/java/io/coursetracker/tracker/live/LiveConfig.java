package io.coursetracker.tracker.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Live updates ({@code tracker.live.*}): the event streams. */
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
}
