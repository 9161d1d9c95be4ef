package io.coursetracker.tracker.learners;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerTokenRotated;
import io.coursetracker.support.security.Tokens;
import io.coursetracker.support.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Replaces a learner's token ({@code POST /v1/learners/{id}/token}). As with a settings change, the
 * row is locked and changed, {@code LearnerTokenRotated} (the learner's whole state with the new
 * hash) is acknowledged by the broker, and only then is the row committed: tracker-api refuses the
 * old token from that commit on, ingest-service and progress-service as soon as their learner
 * directory reads the record (well under a second), and the new token works on every service at once
 * (an unknown token makes a directory catch up with the log before it answers 401).
 */
@ApplicationScoped
public class LearnerTokenRotation {
    private static final TypeReference<List<String>> COURSE_IDS = new TypeReference<>() {
    };

    private final LearnerRepository learners;
    private final LearnerEventLog log;
    private final ObjectMapper json;
    private final Event<LearnerTokenReplaced> replaced;

    public LearnerTokenRotation(LearnerRepository learners, LearnerEventLog log, ObjectMapper json, Event<LearnerTokenReplaced> replaced) {
        this.learners = learners;
        this.log = log;
        this.json = json;
        this.replaced = replaced;
    }

    public record Rotated(String id, String token) {
    }

    @Transactional
    public Rotated rotate(String learnerId) {
        Learner learner = learners.findByIdOptional(learnerId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("unknown learner", "no learner '" + learnerId + "'"));
        String token = Tokens.newToken();
        learner.tokenSha256 = Tokens.sha256(token);
        learners.flush();
        replaced.fire(new LearnerTokenReplaced(learnerId));
        log.publish(new LearnerTokenRotated(UUID.randomUUID(), Instant.now(), LearnerTokenRotated.SCHEMA_VERSION,
                learner.learnerId, learner.displayName, learner.timezone, courses(learner), learner.restDaysPerWeek,
                learner.tokenSha256), "token not rotated");
        return new Rotated(learnerId, token);
    }

    private List<String> courses(Learner learner) {
        try {
            return json.readValue(learner.courses, COURSE_IDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("learner " + learner.learnerId + " has unreadable courses", e);
        }
    }
}
