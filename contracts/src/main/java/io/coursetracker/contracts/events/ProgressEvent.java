package io.coursetracker.contracts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Events on {@link Topics#PROGRESS}, keyed by learner id: what changed in a learner's progress when
 * progress-service applied a note event. Written through progress-service's outbox in the same
 * transaction as the change, so none is lost and none describes a change that was rolled back.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = NoteApplied.class, name = "NoteApplied"),
        @JsonSubTypes.Type(value = LessonCompleted.class, name = "LessonCompleted"),
        @JsonSubTypes.Type(value = LessonReopened.class, name = "LessonReopened"),
        @JsonSubTypes.Type(value = StreakExtended.class, name = "StreakExtended"),
        @JsonSubTypes.Type(value = StreakBroken.class, name = "StreakBroken")
})
public sealed interface ProgressEvent extends DomainEvent
        permits NoteApplied, LessonCompleted, LessonReopened, StreakExtended, StreakBroken {
    String learnerId();
}
