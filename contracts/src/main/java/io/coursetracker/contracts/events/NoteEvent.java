package io.coursetracker.contracts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Events on {@link Topics#NOTES}, keyed by learner id so that one learner's edits stay in order.
 * {@code revision} grows by one with every accepted edit or delete of the same note.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = NoteRevised.class, name = "NoteRevised"),
        @JsonSubTypes.Type(value = NoteDeleted.class, name = "NoteDeleted")
})
public sealed interface NoteEvent extends DomainEvent permits NoteRevised, NoteDeleted {
    String learnerId();

    String notePath();

    long revision();
}
