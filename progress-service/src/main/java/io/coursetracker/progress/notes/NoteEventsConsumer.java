package io.coursetracker.progress.notes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.NoteDeleted;
import io.coursetracker.contracts.events.NoteEvent;
import io.coursetracker.contracts.events.NoteRevised;
import io.coursetracker.progress.config.Retry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code notes.events.v1}. A record that cannot be read is refused (and lands on the
 * dead-letter topic with the reason); a failure to store is retried until it succeeds. The offset
 * is committed only after the method returns, that is after the database transaction committed.
 */
@ApplicationScoped
public class NoteEventsConsumer {
    private final NoteApplier applier;
    private final ObjectMapper json;

    public NoteEventsConsumer(NoteApplier applier, ObjectMapper json) {
        this.applier = applier;
        this.json = json;
    }

    @Incoming("notes")
    @Blocking(ordered = true)
    public void consume(String payload) {
        NoteEvent event = read(payload);
        Retry.untilDone("applying " + event.eventId(), () -> applier.apply(event));
    }

    NoteEvent read(String payload) {
        NoteEvent event;
        try {
            event = json.readValue(payload, NoteEvent.class);
        } catch (Exception e) {
            throw new UnreadableEventException("not a note event: " + e.getMessage(), e);
        }
        int known = event instanceof NoteRevised ? NoteRevised.SCHEMA_VERSION : NoteDeleted.SCHEMA_VERSION;
        if (event.schemaVersion() < 1 || event.schemaVersion() > known) {
            throw new UnreadableEventException("schemaVersion " + event.schemaVersion() + " is not one this service reads (1.." + known + ")", null);
        }
        return event;
    }
}
