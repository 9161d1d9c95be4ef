package io.coursetracker.tracker.learners;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerSettingsChanged;
import io.coursetracker.support.catalogs.CatalogDirectory;
import io.coursetracker.support.web.ApiException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Changes a learner's settings ({@code PATCH /v1/learners/{id}}). The body is checked whole before
 * anything happens: any problem is a 400 naming every problem, and nothing changes. The learner's
 * row is locked, changed and flushed, then {@code LearnerSettingsChanged} (the learner's whole state)
 * is published and acknowledged, and only then is the row committed: no service sees a change that
 * tracker-api does not keep, and tracker-api keeps none that the log lacks.
 */
@ApplicationScoped
public class LearnerSettingsUpdate {
    private static final Duration PUBLISH_LIMIT = Duration.ofSeconds(10);
    private static final Set<String> FIELDS = Set.of("displayName", "timezone", "courses", "restDaysPerWeek");
    private static final TypeReference<List<String>> COURSE_IDS = new TypeReference<>() {
    };

    private final LearnerRepository learners;
    private final CatalogDirectory catalogs;
    private final MutinyEmitter<String> learnerEvents;
    private final ObjectMapper json;

    public LearnerSettingsUpdate(LearnerRepository learners, CatalogDirectory catalogs,
                                 @Channel("learner-events") MutinyEmitter<String> learnerEvents, ObjectMapper json) {
        this.learners = learners;
        this.catalogs = catalogs;
        this.learnerEvents = learnerEvents;
        this.json = json;
    }

    /** What the body asks to change; null means "leave as is". */
    record Changes(String displayName, String timezone, List<String> courses, Integer restDaysPerWeek) {
    }

    @Transactional
    public LearnerSettingsView change(String learnerId, byte[] body) {
        Changes changes = read(body);
        Learner learner = learners.findByIdOptional(learnerId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("unknown learner", "no learner '" + learnerId + "'"));
        LearnerSettingsView before = view(learner);
        if (changes.displayName() != null) {
            learner.displayName = changes.displayName();
        }
        if (changes.timezone() != null) {
            learner.timezone = changes.timezone();
        }
        if (changes.courses() != null) {
            learner.courses = toJson(changes.courses());
        }
        if (changes.restDaysPerWeek() != null) {
            learner.restDaysPerWeek = changes.restDaysPerWeek();
        }
        LearnerSettingsView after = view(learner);
        if (after.equals(before)) {
            return after; // nothing differs: no event, so consumers do no work for nothing
        }
        learners.flush();
        publish(new LearnerSettingsChanged(UUID.randomUUID(), Instant.now(), LearnerSettingsChanged.SCHEMA_VERSION,
                learner.learnerId, learner.displayName, learner.timezone, after.courses(), learner.restDaysPerWeek,
                learner.tokenSha256));
        return after;
    }

    private Changes read(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("missing body",
                    "send a JSON object with any of displayName, timezone, courses, restDaysPerWeek");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (java.io.IOException e) {
            String reason = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw ApiException.badRequest("malformed JSON", reason == null ? "the body is not JSON" : reason);
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("invalid body",
                    "send a JSON object with any of displayName, timezone, courses, restDaysPerWeek");
        }
        if (root.isEmpty()) {
            throw ApiException.badRequest("nothing to change",
                    "send any of displayName, timezone, courses, restDaysPerWeek");
        }
        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add("'" + name + "' cannot be changed here (only displayName, timezone, courses, restDaysPerWeek)");
            }
        }
        String displayName = null;
        if (root.has("displayName")) {
            JsonNode node = root.get("displayName");
            if (!node.isTextual() || node.asText().isBlank()) {
                problems.add("displayName must be a non-blank string");
            } else if (node.asText().strip().length() > LearnerRules.MAX_DISPLAY_NAME) {
                problems.add("displayName may be at most " + LearnerRules.MAX_DISPLAY_NAME + " characters");
            } else {
                displayName = node.asText().strip();
            }
        }
        String timezone = null;
        if (root.has("timezone")) {
            JsonNode node = root.get("timezone");
            if (!node.isTextual() || !LearnerRules.isTimezone(node.asText())) {
                problems.add("timezone " + node + " is not an IANA time zone such as Europe/Berlin");
            } else {
                timezone = node.asText();
            }
        }
        List<String> courses = null;
        if (root.has("courses")) {
            courses = courses(root.get("courses"), problems);
        }
        Integer restDays = null;
        if (root.has("restDaysPerWeek")) {
            JsonNode node = root.get("restDaysPerWeek");
            if (!node.isIntegralNumber() || !node.canConvertToInt() || !LearnerRules.isRestDays(node.intValue())) {
                problems.add("restDaysPerWeek must be a whole number from 0 to 3, not " + node);
            } else {
                restDays = node.intValue();
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("invalid settings", String.join("; ", problems) + "; nothing changed");
        }
        return new Changes(displayName, timezone, courses, restDays);
    }

    /** The course ids, each once, in the order given; every one must have a catalog. */
    private List<String> courses(JsonNode node, List<String> problems) {
        if (!node.isArray()) {
            problems.add("courses must be an array of course ids");
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                problems.add("courses must hold course ids (strings), not " + element);
                return null;
            }
            ids.add(element.asText());
        }
        List<String> unknown = ids.stream().filter(id -> catalogs.catalog(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            problems.add("unknown course" + (unknown.size() == 1 ? " '" : "s '") + String.join("', '", unknown)
                    + "' (GET /v1/courses lists the known ones)");
            return null;
        }
        return List.copyOf(ids);
    }

    private void publish(LearnerSettingsChanged event) {
        try {
            learnerEvents.sendMessage(Message.of(toJson(event)).addMetadata(
                            OutgoingKafkaRecordMetadata.<String>builder().withKey(event.learnerId()).build()))
                    .await().atMost(PUBLISH_LIMIT);
        } catch (RuntimeException e) {
            throw new ApiException(503, "settings not changed", "the event log is unavailable; nothing changed, try again");
        }
    }

    private LearnerSettingsView view(Learner learner) {
        try {
            return new LearnerSettingsView(learner.learnerId, learner.displayName, learner.timezone,
                    json.readValue(learner.courses, COURSE_IDS), learner.restDaysPerWeek);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("learner " + learner.learnerId + " has unreadable courses", e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
