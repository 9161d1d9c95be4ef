package io.coursetracker.support.learners;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerEvent;
import io.coursetracker.contracts.events.SchemaVersions;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.support.topics.CompactedTopicView;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every learner's current state, rebuilt in memory from the compacted learners topic, so a service
 * checks tokens and settings without reading tracker-api's tables. Any {@link LearnerEvent} carries
 * the learner's whole state, so the latest one per learner is the learner.
 *
 * <p>tracker-api sends its 201 only after the learner's event is in the log, so a token that is
 * unknown here is looked up again once this directory has caught up with the log's end, and a
 * learner's first request right after creation succeeds ({@link CompactedTopicView}).
 */
@ApplicationScoped
public class LearnerDirectory {
    private static final Logger LOG = Logger.getLogger(LearnerDirectory.class);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(3);

    private final ObjectMapper json;
    private final Map<String, LearnerEvent> learnersById = new ConcurrentHashMap<>();
    private final Map<String, String> learnerIdByTokenHash = new ConcurrentHashMap<>();
    private final CompactedTopicView topic;

    public LearnerDirectory(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ObjectMapper json) {
        this.json = json;
        this.topic = new CompactedTopicView(bootstrapServers, Topics.LEARNERS, CATCH_UP_LIMIT, this::apply,
                () -> LOG.infof("learner directory loaded: %d learners", learnersById.size()));
    }

    /** Starts reading the topic in the background; idempotent. */
    public void start() {
        topic.start();
    }

    public boolean isStarted() {
        return topic.isStarted();
    }

    /** True once everything on the topic at start-up has been read. */
    public boolean isLoaded() {
        return topic.isLoaded();
    }

    /** The learner's latest event: their whole current state. */
    public Optional<LearnerEvent> learner(String learnerId) {
        return Optional.ofNullable(learnersById.get(learnerId));
    }

    /**
     * The learner, as {@link #learner} but, when unknown, after waiting (briefly) until the directory
     * has read everything written to the topic so far: a learner tracker-api has just created is
     * known here once its 201 has been sent.
     */
    public Optional<LearnerEvent> learnerCaughtUp(String learnerId) {
        Optional<LearnerEvent> learner = learner(learnerId);
        if (learner.isEmpty() && catchUp(CATCH_UP_LIMIT)) {
            learner = learner(learnerId);
        }
        return learner;
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
        return topic.catchUp(limit);
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            forget(record.key());
            return;
        }
        LearnerEvent event;
        try {
            event = json.readValue(record.value(), LearnerEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a learner event: " + e.getOriginalMessage(), e);
        }
        if (!SchemaVersions.isKnown(event)) {
            // Never guess at a newer shape: the learner keeps the state this build could read.
            throw new IllegalArgumentException(SchemaVersions.refusal(event));
        }
        forget(event.learnerId());
        learnersById.put(event.learnerId(), event);
        learnerIdByTokenHash.put(event.tokenSha256(), event.learnerId());
    }

    private void forget(String learnerId) {
        LearnerEvent previous = learnersById.remove(learnerId);
        if (previous != null) {
            learnerIdByTokenHash.remove(previous.tokenSha256(), learnerId);
        }
    }

    @PreDestroy
    void stop() {
        topic.stop();
    }
}
