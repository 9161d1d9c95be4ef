package io.coursetracker.tracker.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code progress.events.v1} for the live page. Every tracker-api instance must see every
 * learner's events (a browser's stream may be open on any of them), so this is a plain consumer
 * with no group: it assigns itself every partition, starts at the log's end (a live page wants what
 * happens from now on; it reads the whole state over the JSON API) and commits nothing. New
 * partitions are picked up within a minute.
 */
@ApplicationScoped
public class ProgressEventFeed {
    private static final Logger LOG = Logger.getLogger(ProgressEventFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PARTITION_CHECK = Duration.ofMinutes(1);

    private final String bootstrapServers;
    private final LiveEvents live;
    private final ObjectMapper json;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean positioned;
    private volatile boolean stopping;
    private Thread reader;

    public ProgressEventFeed(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                             LiveEvents live, ObjectMapper json) {
        this.bootstrapServers = bootstrapServers;
        this.live = live;
        this.json = json;
    }

    void start(@Observes StartupEvent startup) {
        reader = new Thread(this::readForever, "progress-events-live");
        reader.setDaemon(true);
        reader.start();
    }

    /** True once the feed reads every partition from its end: events published from now on are delivered. */
    public boolean isPositioned() {
        return positioned;
    }

    private void readForever() {
        consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "tracker-api-live",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        try {
            Set<TopicPartition> assigned = new HashSet<>();
            Instant nextPartitionCheck = Instant.MIN;
            while (!stopping) {
                if (Instant.now().isAfter(nextPartitionCheck)) {
                    assignNewPartitions(assigned);
                    nextPartitionCheck = Instant.now().plus(assigned.isEmpty() ? Duration.ofSeconds(1) : PARTITION_CHECK);
                }
                if (assigned.isEmpty()) {
                    waitForTopic();
                    continue;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    deliver(record);
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "the live progress feed stopped");
            positioned = false;
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void assignNewPartitions(Set<TopicPartition> assigned) {
        List<PartitionInfo> partitions = consumer.partitionsFor(Topics.PROGRESS, Duration.ofSeconds(5));
        Set<TopicPartition> found = partitions == null ? Set.of() : partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toSet());
        if (assigned.containsAll(found)) {
            return;
        }
        Set<TopicPartition> added = new HashSet<>(found);
        added.removeAll(assigned);
        assigned.addAll(found);
        consumer.assign(assigned);
        consumer.seekToEnd(added);
        added.forEach(consumer::position); // resolves the seek now, so what is published next is read
        positioned = true;
        LOG.debugf("live progress feed reads %d partitions of %s from their end", assigned.size(), Topics.PROGRESS);
    }

    private void waitForTopic() {
        try {
            Thread.sleep(POLL.toMillis()); // the topic does not exist yet; look again shortly
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private void deliver(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            JsonNode event = json.readTree(record.value());
            String learnerId = record.key() != null ? record.key() : event.path("learnerId").asText(null);
            String type = event.path("type").asText("");
            if (learnerId == null || type.isEmpty() || !type.chars().allMatch(Character::isLetterOrDigit)) {
                return;
            }
            live.publish(learnerId, new LiveEvent(type, learnerId, event.path("eventId").asText(null), record.value()));
        } catch (Exception e) {
            // A record this feed cannot read only means one page misses one nudge; the JSON API stays right.
            LOG.warnf("skipped an unreadable record at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }
}
