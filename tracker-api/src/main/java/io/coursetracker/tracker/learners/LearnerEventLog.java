package io.coursetracker.tracker.learners;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerEvent;
import io.coursetracker.support.web.ApiException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;

/**
 * Writes learner records to {@code learners.events.v1} (keyed by learner id) and waits for the
 * broker's acknowledgement: callers commit their row only after this returns.
 */
@ApplicationScoped
public class LearnerEventLog {
    private static final Duration PUBLISH_LIMIT = Duration.ofSeconds(10);

    private final MutinyEmitter<String> learnerEvents;
    private final ObjectMapper json;

    public LearnerEventLog(@Channel("learner-events") MutinyEmitter<String> learnerEvents, ObjectMapper json) {
        this.learnerEvents = learnerEvents;
        this.json = json;
    }

    /** The learner's whole state; {@code refusal} is the error a client gets when the log is unavailable. */
    public void publish(LearnerEvent event, String refusal) {
        String value;
        try {
            value = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        send(Record.of(event.learnerId(), value), refusal);
    }

    /** A tombstone (null value) for the learner's key: the learner was erased; compaction drops every earlier record. */
    public void publishTombstone(String learnerId, String refusal) {
        send(Record.of(learnerId, null), refusal);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void send(Record<String, String> record, String refusal) {
        try {
            // A Record payload sets the key, and its null value makes a tombstone; the channel carries Strings otherwise.
            ((MutinyEmitter) learnerEvents).sendMessage(Message.of(record)).await().atMost(PUBLISH_LIMIT);
        } catch (RuntimeException e) {
            throw new ApiException(503, refusal, "the event log is unavailable; nothing changed, try again");
        }
    }
}
