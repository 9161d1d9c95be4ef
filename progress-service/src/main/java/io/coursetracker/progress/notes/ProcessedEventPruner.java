package io.coursetracker.progress.notes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Deletes the ids of note events applied longer ago than {@code progress.processed-events.keep}, every
 * {@code progress.processed-events.prune-every} (1 h): without it {@code processed_event} grows by
 * one row per applied event for as long as the service runs.
 */
@ApplicationScoped
public class ProcessedEventPruner {
    private static final Logger LOG = Logger.getLogger(ProcessedEventPruner.class);
    /** Rows deleted per transaction: a backlog of millions never holds one long transaction or lock. */
    static final int CHUNK = 10_000;

    private final ProcessedEventRepository processed;
    private final ProcessedEventsConfig config;

    public ProcessedEventPruner(ProcessedEventRepository processed, ProcessedEventsConfig config) {
        this.processed = processed;
        this.config = config;
    }

    @Scheduled(identity = "processed-event-pruning", every = "${progress.processed-events.prune-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPrune() {
        prune(Instant.now());
    }

    /** Deletes every id applied before {@code now} minus the kept duration; returns how many went. */
    public long prune(Instant now) {
        Instant appliedBefore = now.minus(config.keep());
        long deleted = 0;
        int chunk;
        do {
            chunk = QuarkusTransaction.requiringNew().call(() -> processed.deleteAppliedBefore(appliedBefore, CHUNK));
            deleted += chunk;
        } while (chunk == CHUNK);
        if (deleted > 0) {
            LOG.infof("forgot %d applied note event ids older than %s", deleted, appliedBefore);
        }
        return deleted;
    }
}
