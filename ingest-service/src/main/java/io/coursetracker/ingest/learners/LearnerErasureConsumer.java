package io.coursetracker.ingest.learners;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Reads {@code learners.events.v1} for tombstones (group {@code ingest-service-learners}): a null
 * value for a learner's key means the learner was erased, and their notes go. Other learner records
 * are the learner directory's business. A failure to delete is retried, never skipped: an erasure
 * must not be lost.
 */
@ApplicationScoped
public class LearnerErasureConsumer {
    private static final Logger LOG = Logger.getLogger(LearnerErasureConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final LearnerErasures erasures;

    public LearnerErasureConsumer(LearnerErasures erasures) {
        this.erasures = erasures;
    }

    @Incoming("learners")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        if (record.value() != null || record.key() == null) {
            return;
        }
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                erasures.erase(record.key());
                return;
            } catch (RuntimeException e) {
                LOG.warnf("erasing learner %s failed, retrying in %d ms: %s", record.key(), backoff.toMillis(), e.getMessage());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
