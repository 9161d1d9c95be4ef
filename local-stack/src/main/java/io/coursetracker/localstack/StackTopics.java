package io.coursetracker.localstack;

import io.coursetracker.contracts.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The platform's topics with their settings, created once on a fresh broker. The Kubernetes
 * deployment declares the same topics as KafkaTopic resources.
 */
public final class StackTopics {
    /** Partitions of the notes topic: the unit of progress-service's parallelism. */
    public static final int NOTE_PARTITIONS = 6;

    static List<NewTopic> definitions() {
        return List.of(
                new NewTopic(Topics.NOTES, NOTE_PARTITIONS, (short) 1),
                new NewTopic(Topics.LEARNERS, 3, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                // Progress events feed live pages; a week of them is plenty to catch up after an outage.
                new NewTopic(Topics.PROGRESS, NOTE_PARTITIONS, (short) 1)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(7L * 24 * 60 * 60 * 1000))),
                // Few courses and rare changes: one partition keeps every catalog in one ordered log.
                new NewTopic(Topics.CATALOGS, 1, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                new NewTopic(Topics.NOTES_DEAD_LETTER, 1, (short) 1),
                new NewTopic(Topics.LEARNERS_DEAD_LETTER, 1, (short) 1),
                new NewTopic(Topics.CATALOGS_DEAD_LETTER, 1, (short) 1));
    }

    private StackTopics() {
    }

    public static void createMissing(String bootstrapServers) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = definitions().stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("creating the platform's topics failed", e);
        }
    }
}
