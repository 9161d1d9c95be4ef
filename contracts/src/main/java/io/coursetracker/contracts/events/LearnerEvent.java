package io.coursetracker.contracts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Events on {@link Topics#LEARNERS}, a compacted topic keyed by learner id: each event carries the
 * learner's whole current state, so the latest record per key is all a new consumer needs.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LearnerRegistered.class, name = "LearnerRegistered")
})
public sealed interface LearnerEvent extends DomainEvent permits LearnerRegistered {
    String learnerId();
}
