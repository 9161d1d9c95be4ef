package io.coursetracker.progress.learners;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.LearnerEvent;
import io.coursetracker.contracts.events.SchemaVersions;
import io.coursetracker.progress.config.Retry;
import io.coursetracker.progress.notes.NoteApplier;
import io.coursetracker.progress.notes.UnreadableEventException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps learners' settings from {@code learners.events.v1}, from any learner event (each carries the
 * learner's whole state); resolves their notes' lessons again when their courses change.
 */
@ApplicationScoped
public class LearnerEventsConsumer {
    private static final Logger LOG = Logger.getLogger(LearnerEventsConsumer.class);
    private final LearnerSettingsRepository settings;
    private final NoteApplier notes;
    private final LearnerLocks locks;
    private final ObjectMapper json;

    public LearnerEventsConsumer(LearnerSettingsRepository settings, NoteApplier notes, LearnerLocks locks, ObjectMapper json) {
        this.settings = settings;
        this.notes = notes;
        this.locks = locks;
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
        if (!SchemaVersions.isKnown(event)) {
            throw new UnreadableEventException(SchemaVersions.refusal(event), null);
        }
        Retry.untilDone("saving learner " + event.learnerId(), () -> {
            save(event);
            return null;
        });
    }

    @Transactional
    void save(LearnerEvent event) {
        locks.settingsAndCatalogs();
        locks.learner(event.learnerId());
        boolean coursesChanged = settings.save(event);
        LOG.debugf("%s %s applied; courses %s%s", event.getClass().getSimpleName(), event.learnerId(), event.courses(),
                coursesChanged ? " changed" : "");
        if (coursesChanged) {
            notes.resolveLessonsAgain(event.learnerId());
        }
    }
}
