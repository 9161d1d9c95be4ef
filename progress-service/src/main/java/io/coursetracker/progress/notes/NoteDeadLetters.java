package io.coursetracker.progress.notes;

import io.coursetracker.contracts.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends an unreadable note record to {@code notes.events.v1.dlq}, key and value unchanged, with the
 * headers SmallRye's dead-letter strategy writes ({@code dead-letter-reason}, {@code -cause},
 * {@code -topic}, {@code -partition}, {@code -offset}). The notes channel reads in batches, and
 * SmallRye dead-letters a failed batch whole; so the consumer sends each unreadable record itself,
 * waits for the broker's acknowledgement, and applies the rest of the batch.
 */
@ApplicationScoped
public class NoteDeadLetters {
    private final KafkaProducer<String, String> kafka;

    public NoteDeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                           @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.kafka = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-notes-dead-letters",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** Sends the record and waits until Kafka has it; returns the record's offset on the dead-letter topic. */
    public long send(ConsumerRecord<String, String> record, UnreadableEventException reason) {
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        header(headers, "dead-letter-reason", reason.getMessage());
        if (reason.getCause() != null) {
            header(headers, "dead-letter-cause", String.valueOf(reason.getCause().getMessage()));
        }
        header(headers, "dead-letter-exception-class-name", reason.getClass().getName());
        header(headers, "dead-letter-topic", record.topic());
        header(headers, "dead-letter-partition", String.valueOf(record.partition()));
        header(headers, "dead-letter-offset", String.valueOf(record.offset()));
        try {
            return kafka.send(new ProducerRecord<>(Topics.NOTES_DEAD_LETTER, null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the dead letter", e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        kafka.close(Duration.ofSeconds(5));
    }
}
