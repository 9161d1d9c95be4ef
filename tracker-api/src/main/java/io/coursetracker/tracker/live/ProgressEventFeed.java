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
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Reads {@code progress.events.v1} for the live page. Every tracker-api instance must see every
 * learner's events (a browser's stream may be open on any of them), so this is a plain consumer
 * with no group: it assigns itself every partition, starts at the log's end (a live page wants what
 * happens from now on; it reads the whole state over the JSON API) and commits nothing. New
 * partitions are picked up within {@code tracker.live.partition-check} (a minute).
 *
 * <p>Kafka going away never ends the reader. A partition check that fails (the broker is away) is
 * tried again after a delay that starts at 0.5 s and doubles up to {@code tracker.live.max-retry-delay}
 * (10 s), while the consumer keeps its positions and resumes from them when the broker is back; any
 * other failure closes the consumer and opens a new one after the same delay, at the positions the
 * old one had reached. {@link #isReading()} says whether the last check reached the broker.
 */
@ApplicationScoped
public class ProgressEventFeed {
    private static final Logger LOG = Logger.getLogger(ProgressEventFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final LiveEvents live;
    private final ObjectMapper json;
    private final Duration partitionCheck;
    private final Duration maxRetryDelay;
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** The next offset to read of every partition this feed has positioned, kept across consumers. */
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean positioned;
    private volatile boolean reading;
    private volatile boolean stopping;
    private Duration retryDelay = FIRST_RETRY_DELAY;
    private Thread reader;

    public ProgressEventFeed(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                             LiveEvents live, ObjectMapper json, LiveConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.live = live;
        this.json = json;
        this.partitionCheck = config.partitionCheck();
        this.maxRetryDelay = config.maxRetryDelay();
    }

    void start(@Observes StartupEvent startup) {
        reader = new Thread(this::readForever, "progress-events-live");
        reader.setDaemon(true);
        reader.start();
    }

    /** True once the feed has read every partition from its end, and while its reader runs: events published from now on are delivered. */
    public boolean isPositioned() {
        Thread thread = reader;
        return positioned && thread != null && thread.isAlive();
    }

    /** True while the feed's last look at the broker succeeded; false while Kafka is away and the feed tries again. */
    public boolean isReading() {
        return reading && isPositioned();
    }

    private void readForever() {
        while (!stopping) {
            try (KafkaConsumer<String, String> c = newConsumer()) {
                consumer = c;
                read(c);
            } catch (WakeupException e) {
                if (!stopping) {
                    LOG.warnf("the live progress feed was woken up; reading again");
                }
            } catch (RuntimeException e) {
                reading = false;
                LOG.warnf(e, "the live progress feed failed; it reads again in %d ms", retryDelay.toMillis());
                waitToRetry();
            }
        }
    }

    private KafkaConsumer<String, String> newConsumer() {
        return new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "tracker-api-live",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }

    /** Reads with one consumer until stopping; throws when the consumer fails. */
    private void read(KafkaConsumer<String, String> c) {
        Set<TopicPartition> assigned = new HashSet<>(positions.keySet());
        if (!assigned.isEmpty()) {
            c.assign(assigned);
            positions.forEach(c::seek); // where the previous consumer had got to
        }
        Instant nextPartitionCheck = Instant.MIN;
        while (!stopping) {
            if (Instant.now().isAfter(nextPartitionCheck)) {
                nextPartitionCheck = Instant.now().plus(checkPartitions(c, assigned));
            }
            if (assigned.isEmpty()) {
                waitFor(POLL); // the topic does not exist yet; look again shortly
                continue;
            }
            for (ConsumerRecord<String, String> record : c.poll(POLL)) {
                positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                deliver(record);
            }
        }
    }

    /** Looks for new partitions; answers when to look again (sooner after a failure, which it does not throw). */
    private Duration checkPartitions(KafkaConsumer<String, String> c, Set<TopicPartition> assigned) {
        try {
            assignNewPartitions(c, assigned);
            reading = true;
            retryDelay = FIRST_RETRY_DELAY;
            return assigned.isEmpty() ? Duration.ofSeconds(1) : partitionCheck;
        } catch (RetriableException e) { // a timeout too: the broker is away
            reading = false;
            Duration again = retryDelay;
            retryDelay = longer(retryDelay);
            LOG.warnf("the live progress feed cannot reach Kafka (%s); it looks again in %d ms", e.getMessage(), again.toMillis());
            return again;
        }
    }

    private void assignNewPartitions(KafkaConsumer<String, String> c, Set<TopicPartition> assigned) {
        List<PartitionInfo> partitions = c.partitionsFor(Topics.PROGRESS, KAFKA_TIMEOUT);
        Set<TopicPartition> found = partitions == null ? Set.of() : partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toSet());
        if (assigned.containsAll(found)) {
            positioned |= !assigned.isEmpty();
            return;
        }
        Set<TopicPartition> added = new HashSet<>(found);
        added.removeAll(assigned);
        Set<TopicPartition> all = new HashSet<>(assigned);
        all.addAll(found);
        c.assign(all);
        c.seekToEnd(added);
        for (TopicPartition partition : added) { // resolves the seek now, so what is published next is read
            positions.put(partition, c.position(partition, KAFKA_TIMEOUT));
        }
        assigned.addAll(added);
        positioned = true;
        LOG.debugf("live progress feed reads %d partitions of %s from their end", assigned.size(), Topics.PROGRESS);
    }

    private void waitToRetry() {
        waitFor(retryDelay);
        retryDelay = longer(retryDelay);
    }

    private Duration longer(Duration delay) {
        Duration doubled = delay.multipliedBy(2);
        return doubled.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : doubled;
    }

    private void waitFor(Duration delay) {
        try {
            if (stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                stopping = true;
            }
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
        stopped.countDown();
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }
}
