package io.coursetracker.support.learners;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerEvent;
import io.coursetracker.contracts.events.LearnerRegistered;
import io.coursetracker.contracts.events.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Every learner's current registration, rebuilt in memory from the compacted learners topic, so a
 * service checks tokens and settings without reading tracker-api's tables.
 *
 * <p>Hand-written on the plain Kafka consumer rather than a messaging channel because it must
 * (a) read the whole topic from the start on every boot, with no consumer group, and (b) answer
 * "have I read everything written so far?": tracker-api sends its 201 only after the learner's
 * event is in the log, so a token that is unknown here is looked up again once this directory has
 * caught up with the log's end, and a learner's first request right after creation succeeds.
 */
@ApplicationScoped
public class LearnerDirectory {
    private static final Logger LOG = Logger.getLogger(LearnerDirectory.class);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(3);

    private final String bootstrapServers;
    private final ObjectMapper json;
    private final Map<String, LearnerRegistered> learnersById = new ConcurrentHashMap<>();
    private final Map<String, String> learnerIdByTokenHash = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> readUpTo = new ConcurrentHashMap<>();
    private final Object progress = new Object();

    private volatile KafkaConsumer<String, String> consumer;
    private Admin admin;
    private volatile Thread reader;
    private volatile boolean initialLoadDone;
    private boolean warmedUp;
    private volatile boolean stopping;

    public LearnerDirectory(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ObjectMapper json) {
        this.bootstrapServers = bootstrapServers;
        this.json = json;
    }

    /** Starts reading the topic in the background; idempotent. */
    public synchronized void start() {
        if (reader != null) {
            return;
        }
        reader = new Thread(this::readForever, "learner-directory");
        reader.setDaemon(true);
        reader.start();
    }

    public boolean isStarted() {
        return reader != null;
    }

    /** True once everything on the topic at start-up has been read. */
    public boolean isLoaded() {
        return initialLoadDone;
    }

    public Optional<LearnerRegistered> learner(String learnerId) {
        return Optional.ofNullable(learnersById.get(learnerId));
    }

    /**
     * The learner whose token has this hash. When none is known yet, waits (briefly) until the
     * directory has read everything written to the topic so far, then looks again.
     */
    public Optional<String> learnerForTokenHash(String tokenHash) {
        String learnerId = learnerIdByTokenHash.get(tokenHash);
        if (learnerId == null && catchUp(CATCH_UP_LIMIT)) {
            learnerId = learnerIdByTokenHash.get(tokenHash);
        }
        return Optional.ofNullable(learnerId);
    }

    /** Waits until every record written to the learners topic before this call has been applied. */
    public boolean catchUp(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        Map<TopicPartition, Long> logEnd;
        try {
            Admin admin = admin();
            List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.LEARNERS)).allTopicNames()
                    .get(limit.toMillis(), TimeUnit.MILLISECONDS).get(Topics.LEARNERS).partitions().stream()
                    .map(p -> new TopicPartition(Topics.LEARNERS, p.partition())).toList();
            ListOffsetsResult offsets = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())));
            logEnd = offsets.all().get(limit.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            LOG.warnf(e, "could not read the learners topic's end offsets");
            return false;
        }
        synchronized (progress) {
            while (!hasRead(logEnd)) {
                long waitMillis = Duration.between(Instant.now(), deadline).toMillis();
                if (waitMillis <= 0) {
                    return false;
                }
                try {
                    progress.wait(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** One admin client for the look-ups of the log's end, made on first need. */
    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CATCH_UP_LIMIT.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CATCH_UP_LIMIT.toMillis()));
        }
        return admin;
    }

    private boolean hasRead(Map<TopicPartition, Long> logEnd) {
        return logEnd.entrySet().stream().allMatch(e -> readUpTo.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    private void readForever() {
        while (!stopping) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
                consumer = kafka;
                List<TopicPartition> partitions = awaitPartitions(kafka);
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                Map<TopicPartition, Long> endAtStart = kafka.endOffsets(partitions);
                while (!stopping) {
                    for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(200))) {
                        apply(record);
                    }
                    synchronized (progress) {
                        for (TopicPartition partition : partitions) {
                            readUpTo.put(partition, kafka.position(partition));
                        }
                        if (!initialLoadDone && hasRead(endAtStart)) {
                            initialLoadDone = true;
                            LOG.infof("learner directory loaded: %d learners", learnersById.size());
                        }
                        progress.notifyAll();
                    }
                    if (initialLoadDone && !warmedUp) {
                        warmedUp = true;
                        // The first look-up of the log's end connects an admin client; doing it now keeps
                        // that second out of a new learner's first request.
                        Thread warmUp = new Thread(() -> catchUp(CATCH_UP_LIMIT), "learner-directory-warm-up");
                        warmUp.setDaemon(true);
                        warmUp.start();
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.warnf(e, "learner directory lost its consumer; starting over");
                    sleepBeforeRetry();
                }
            }
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, String> kafka) {
        while (!stopping) {
            List<PartitionInfo> infos = kafka.partitionsFor(Topics.LEARNERS, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }
            sleepBeforeRetry();
        }
        throw new WakeupException();
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            forget(record.key());
            return;
        }
        try {
            LearnerEvent event = json.readValue(record.value(), LearnerEvent.class);
            if (event instanceof LearnerRegistered registered) {
                forget(registered.learnerId());
                learnersById.put(registered.learnerId(), registered);
                learnerIdByTokenHash.put(registered.tokenSha256(), registered.learnerId());
            }
        } catch (Exception e) {
            LOG.errorf("skipping unreadable learner record at %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private void forget(String learnerId) {
        LearnerRegistered previous = learnersById.remove(learnerId);
        if (previous != null) {
            learnerIdByTokenHash.remove(previous.tokenSha256(), learnerId);
        }
    }

    private static void sleepBeforeRetry() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        }
    }
}
