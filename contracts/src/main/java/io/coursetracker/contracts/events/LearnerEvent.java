package io.coursetracker.contracts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * Events on {@link Topics#LEARNERS}, a compacted topic keyed by learner id. Compaction keeps only
 * the newest record per key, so every event carries the learner's whole current state (the
 * accessors below, token hash included): a consumer reads any of them the same way, and the latest
 * one is all it needs. A tombstone (a null value for the learner's key) means the learner was erased.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LearnerRegistered.class, name = "LearnerRegistered"),
        @JsonSubTypes.Type(value = LearnerSettingsChanged.class, name = "LearnerSettingsChanged"),
        @JsonSubTypes.Type(value = LearnerTokenRotated.class, name = "LearnerTokenRotated")
})
public sealed interface LearnerEvent extends DomainEvent
        permits LearnerRegistered, LearnerSettingsChanged, LearnerTokenRotated {
    String learnerId();

    String displayName();

    /** IANA zone id. */
    String timezone();

    /** Course ids the learner follows; lessons resolve only against these. */
    List<String> courses();

    int restDaysPerWeek();

    /** SHA-256 of the learner's token, never the token. */
    String tokenSha256();
}
