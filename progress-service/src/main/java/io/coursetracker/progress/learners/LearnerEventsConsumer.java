package io.coursetracker.progress.learners;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerEvent;
import io.coursetracker.contracts.events.LearnerRegistered;
import io.coursetracker.progress.config.Retry;
import io.coursetracker.progress.notes.NoteApplier;
import io.coursetracker.progress.notes.UnreadableEventException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps learners' settings from {@code learners.events.v1}; resolves their notes' lessons again when courses change. */
@ApplicationScoped
public class LearnerEventsConsumer {
    private final LearnerSettingsRepository settings;
    private final NoteApplier notes;
    private final ObjectMapper json;

    public LearnerEventsConsumer(LearnerSettingsRepository settings, NoteApplier notes, ObjectMapper json) {
        this.settings = settings;
        this.notes = notes;
        this.json = json;
    }

    @Incoming("learners")
    @Blocking(ordered = true)
    public void consume(String payload) {
        if (payload == null) {
            return; // tombstone: erasure is handled with learner deletion
        }
        LearnerEvent event;
        try {
            event = json.readValue(payload, LearnerEvent.class);
        } catch (Exception e) {
            throw new UnreadableEventException("not a learner event: " + e.getMessage(), e);
        }
        if (event.schemaVersion() < 1 || event.schemaVersion() > LearnerRegistered.SCHEMA_VERSION) {
            throw new UnreadableEventException("schemaVersion " + event.schemaVersion() + " is not one this service reads", null);
        }
        if (event instanceof LearnerRegistered registered) {
            Retry.untilDone("saving learner " + registered.learnerId(), () -> {
                save(registered);
                return null;
            });
        }
    }

    @Transactional
    void save(LearnerRegistered registered) {
        settings.save(registered);
        notes.resolveLessonsAgain(registered.learnerId());
    }
}
