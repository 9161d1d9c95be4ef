package io.coursetracker.progress.config;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries work that failed for a reason that passes (the database away, a lock timeout). Consumers
 * block here rather than skip a record: an accepted edit must never be dropped.
 */
public final class Retry {
    private static final Logger LOG = Logger.getLogger(Retry.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private Retry() {
    }

    public static <T> T untilDone(String what, Supplier<T> work) {
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                LOG.warnf("%s failed, retrying in %d ms: %s", what, backoff.toMillis(), e.getMessage());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
