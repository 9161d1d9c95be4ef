package io.coursetracker.tracker.learners;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.catalog.BundledCatalogs;
import io.coursetracker.contracts.events.LearnerRegistered;
import io.coursetracker.support.catalogs.CatalogDirectory;
import io.coursetracker.support.security.Tokens;
import io.coursetracker.support.web.ApiException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creates learners. The learner's row and its {@code LearnerRegistered} event go together: the
 * row is committed only once the broker has acknowledged the event, so when the 201 leaves, every
 * service can read the learner's token hash from the log.
 */
@ApplicationScoped
public class LearnerRegistration {
    static final Pattern LEARNER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Duration PUBLISH_LIMIT = Duration.ofSeconds(10);

    private final LearnerRepository learners;
    private final ErasedLearnerRepository erased;
    private final CatalogDirectory catalogs;
    private final MutinyEmitter<String> learnerEvents;
    private final ObjectMapper json;

    public LearnerRegistration(LearnerRepository learners, ErasedLearnerRepository erased, CatalogDirectory catalogs,
                               @Channel("learner-events") MutinyEmitter<String> learnerEvents, ObjectMapper json) {
        this.learners = learners;
        this.erased = erased;
        this.catalogs = catalogs;
        this.learnerEvents = learnerEvents;
        this.json = json;
    }

    public record Created(String id, String token) {
    }

    @Transactional
    public Created register(NewLearner request) {
        if (request == null) {
            throw ApiException.badRequest("missing body", "send {\"id\": \"…\"} and optionally displayName, timezone, courses, restDaysPerWeek");
        }
        String id = validId(request.id());
        String timezone = validTimezone(request.timezone() == null ? "UTC" : request.timezone());
        List<String> courses = validCourses(request.courses() == null ? List.of(BundledCatalogs.FASTAI_PART1_2022) : request.courses());
        int restDays = validRestDays(request.restDaysPerWeek() == null ? 0 : request.restDaysPerWeek());
        if (learners.findByIdOptional(id).isPresent()) {
            throw new ApiException(409, "learner exists", "a learner '" + id + "' already exists");
        }
        if (erased.findByIdOptional(id).isPresent()) {
            // Events of the erased learner may still be in flight; a new learner must not inherit them.
            throw new ApiException(409, "learner id erased", "the id '" + id + "' belonged to an erased learner; choose another");
        }
        String token = Tokens.newToken();
        Learner learner = new Learner();
        learner.learnerId = id;
        learner.displayName = request.displayName() == null || request.displayName().isBlank() ? id : request.displayName();
        learner.timezone = timezone;
        learner.courses = toJson(courses);
        learner.restDaysPerWeek = restDays;
        learner.tokenSha256 = Tokens.sha256(token);
        learner.createdAt = Instant.now();
        learners.persist(learner);
        learners.flush();
        publish(new LearnerRegistered(UUID.randomUUID(), learner.createdAt, LearnerRegistered.SCHEMA_VERSION, id,
                learner.displayName, timezone, courses, restDays, learner.tokenSha256));
        return new Created(id, token);
    }

    private void publish(LearnerRegistered event) {
        try {
            learnerEvents.sendMessage(Message.of(toJson(event)).addMetadata(
                            OutgoingKafkaRecordMetadata.<String>builder().withKey(event.learnerId()).build()))
                    .await().atMost(PUBLISH_LIMIT);
        } catch (RuntimeException e) {
            throw new ApiException(503, "learner not created", "the event log is unavailable; nothing was stored, try again");
        }
    }

    private static String validId(String id) {
        if (id == null || !LEARNER_ID.matcher(id).matches()) {
            throw ApiException.badRequest("invalid learner id",
                    "id must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return id;
    }

    private static String validTimezone(String timezone) {
        if (!LearnerRules.isTimezone(timezone)) {
            throw ApiException.badRequest("invalid timezone", "'" + timezone + "' is not an IANA time zone such as Europe/Berlin");
        }
        return timezone;
    }

    private List<String> validCourses(List<String> courses) {
        for (String course : courses) {
            if (course == null || catalogs.catalog(course).isEmpty()) {
                throw ApiException.notFound("unknown course", "no course '" + course + "'");
            }
        }
        return List.copyOf(courses);
    }

    private static int validRestDays(int restDays) {
        if (!LearnerRules.isRestDays(restDays)) {
            throw ApiException.badRequest("invalid restDaysPerWeek", "restDaysPerWeek must be 0 to 3");
        }
        return restDays;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
