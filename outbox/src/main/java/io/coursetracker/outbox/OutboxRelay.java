package io.coursetracker.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
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
 *
 * <p>It uses Kafka's own producer rather than a messaging emitter: the batch is sent inside the
 * database transaction that holds the relay lock, and an emitter would carry that transaction to
 * its callback threads (context propagation), which the transaction manager refuses at commit.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final int BATCH = 500;

    private final Outbox outbox;
    private final Counter relayed;
    private final KafkaProducer<String, String> kafka;

    public OutboxRelay(Outbox outbox, MeterRegistry metrics,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.outbox = outbox;
        this.relayed = metrics.counter("outbox.relayed");
        this.kafka = new KafkaProducer<>(Map.<String, Object>ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay"),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 5),
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                Map.entry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
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
        kafka.close(Duration.ofSeconds(5));
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
                LOG.warnf(e, "outbox relay paused, will retry");
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
        List<OutboxMessage> batch = outbox.lockAndReadOldest(BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            acks.add(kafka.send(new ProducerRecord<>(message.topic(), message.messageKey(), message.payload())));
        }
        awaitAll(acks);
        outbox.remove(batch.stream().map(OutboxMessage::id).toList());
        relayed.increment(batch.size());
        return batch.size();
    }

    private static void awaitAll(List<Future<RecordMetadata>> acks) {
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while relaying", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it stays in the outbox", e);
        }
    }
}
