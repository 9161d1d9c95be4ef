package io.coursetracker.ingest.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Moves outbox messages to Kafka: sends a batch, waits until the broker has acknowledged all of it
 * (idempotent producer, acks=all), then deletes the batch. A crash between the two sends the batch
 * again; consumers drop the duplicates by event id.
 *
 * <p>Runs on its own thread, woken as soon as a transaction that wrote to the outbox commits, and
 * once a second regardless (for messages left by a crash or a broker outage). Quarkus' scheduler
 * cannot run more often than once a second, which would add up to a second to every edit.
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

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread relayThread;

    void start(@Observes StartupEvent startup) {
        running = true;
        relayThread = new Thread(this::relayUntilStopped, "outbox-relay");
        relayThread.setDaemon(true);
        relayThread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUps.release();
        if (relayThread != null) {
            relayThread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Called once the transaction that wrote to the outbox has committed. */
    void wakeUp(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.MessageAdded added) {
        wakeUps.release();
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                wakeUps.tryAcquire(1, TimeUnit.SECONDS);
                wakeUps.drainPermits();
                while (running && relayBatch() == BATCH) {
                    // a full batch: more may be waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay paused, will retry: %s", e.getMessage());
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
