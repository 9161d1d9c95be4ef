package io.coursetracker.support.topics;

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
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads a whole compacted topic into memory and keeps reading, for the services' directories of
 * learners and catalogs. The owner applies each record ({@code apply}); this class knows how far it
 * has read.
 *
 * <p>Hand-written on the plain Kafka consumer rather than a messaging channel because it must
 * (a) read the whole topic from the start on every boot, with no consumer group, and (b) answer
 * "have I read everything written so far?": tracker-api answers only after an event is in the log,
 * so something unknown here is looked up again once this view has caught up with the log's end.
 */
public final class CompactedTopicView {
    private static final Logger LOG = Logger.getLogger(CompactedTopicView.class);

    private final String bootstrapServers;
    private final String topic;
    private final Duration catchUpLimit;
    private final Consumer<ConsumerRecord<String, String>> apply;
    private final Runnable onLoaded;
    private final Map<TopicPartition, Long> readUpTo = new ConcurrentHashMap<>();
    private final Object progress = new Object();

    private volatile KafkaConsumer<String, String> consumer;
    private Admin admin;
    private volatile Thread reader;
    private volatile boolean initialLoadDone;
    private boolean warmedUp;
    private volatile boolean stopping;

    /**
     * @param apply    called on the reader thread for every record, in log order per partition
     * @param onLoaded called once, when everything on the topic at start has been applied
     */
    public CompactedTopicView(String bootstrapServers, String topic, Duration catchUpLimit,
                              Consumer<ConsumerRecord<String, String>> apply, Runnable onLoaded) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.catchUpLimit = catchUpLimit;
        this.apply = apply;
        this.onLoaded = onLoaded;
    }

    /** Starts reading the topic in the background; idempotent. */
    public synchronized void start() {
        if (reader != null) {
            return;
        }
        reader = new Thread(this::readForever, topic + "-view");
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

    /** Waits until every record written to the topic before this call has been applied. */
    public boolean catchUp(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        Map<TopicPartition, Long> logEnd;
        try {
            Admin admin = admin();
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(limit.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            ListOffsetsResult offsets = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())));
            logEnd = offsets.all().get(limit.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            LOG.warnf(e, "could not read the end offsets of %s", topic);
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
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) catchUpLimit.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) catchUpLimit.toMillis()));
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
                        applySafely(record);
                    }
                    synchronized (progress) {
                        for (TopicPartition partition : partitions) {
                            readUpTo.put(partition, kafka.position(partition));
                        }
                        if (!initialLoadDone && hasRead(endAtStart)) {
                            initialLoadDone = true;
                            onLoaded.run();
                        }
                        progress.notifyAll();
                    }
                    if (initialLoadDone && !warmedUp) {
                        warmedUp = true;
                        // The first look-up of the log's end connects an admin client; doing it now keeps
                        // that second out of the first request that needs it.
                        Thread warmUp = new Thread(() -> catchUp(catchUpLimit), topic + "-view-warm-up");
                        warmUp.setDaemon(true);
                        warmUp.start();
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.warnf(e, "the view of %s lost its consumer; starting over", topic);
                    sleepBeforeRetry();
                }
            }
        }
    }

    private void applySafely(ConsumerRecord<String, String> record) {
        try {
            apply.accept(record);
        } catch (RuntimeException e) {
            // A record no one can read must not stop the view: the consumers with a group dead-letter it.
            LOG.errorf("skipping unreadable record at %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, String> kafka) {
        while (!stopping) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }
            sleepBeforeRetry();
        }
        throw new WakeupException();
    }

    private static void sleepBeforeRetry() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the reader and closes the admin client. */
    public void stop() {
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
