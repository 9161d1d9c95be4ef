package io.coursetracker.ingest.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Moves outbox messages to Kafka: sends a batch, waits until the broker has acknowledged all of it
 * (idempotent producer, acks=all), then deletes the batch. A crash between the two sends the batch
 * again; consumers drop the duplicates by event id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final int BATCH = 500;

    private final Outbox outbox;
    private final MutinyEmitter<String> kafka;
    private final MeterRegistry metrics;

    public OutboxRelay(Outbox outbox,
                       @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2 * BATCH) MutinyEmitter<String> kafka,
                       MeterRegistry metrics) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.metrics = metrics;
    }

    @Scheduled(every = "${ingest.outbox.poll-interval:0.1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayWaitingMessages() {
        try {
            while (relayBatch() == BATCH) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay paused, will retry: %s", e.getMessage());
        }
    }

    /** Relays one batch; returns how many messages it moved. */
    @Transactional
    int relayBatch() {
        if (!outbox.tryRelayLock()) {
            return 0;
        }
        List<OutboxMessage> batch = outbox.oldest(BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> acks = batch.stream().map(this::send).toList();
        Uni.join().all(acks).andFailFast().await().atMost(Duration.ofSeconds(60));
        outbox.removeUpTo(batch.get(batch.size() - 1).id);
        metrics.counter("ingest.outbox.relayed").increment(batch.size());
        return batch.size();
    }

    private Uni<Void> send(OutboxMessage message) {
        return kafka.sendMessage(Message.of(message.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic)
                .withKey(message.messageKey)
                .build()));
    }
}
