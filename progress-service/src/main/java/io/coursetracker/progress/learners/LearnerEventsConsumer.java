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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps learners' settings from {@code learners.events.v1}, from any learner event (each carries the
 * learner's whole state); resolves their notes' lessons again when their courses change. A tombstone
 * (null value) erases the learner ({@link LearnerErasures}); records of an erased learner are ignored.
 */
@ApplicationScoped
public class LearnerEventsConsumer {
    private static final Logger LOG = Logger.getLogger(LearnerEventsConsumer.class);
    private final LearnerSettingsRepository settings;
    private final NoteApplier notes;
    private final LearnerLocks locks;
    private final ObjectMapper json;
    private final LearnerErasures erasures;

    public LearnerEventsConsumer(LearnerSettingsRepository settings, NoteApplier notes, LearnerLocks locks, ObjectMapper json,
                                 LearnerErasures erasures) {
        this.settings = settings;
        this.notes = notes;
        this.locks = locks;
        this.json = json;
        this.erasures = erasures;
    }

    @Incoming("learners")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        String payload = record.value();
        if (payload == null) {
            if (record.key() != null) {
                Retry.untilDone("erasing learner " + record.key(), () -> {
                    erasures.erase(record.key());
                    return null;
                });
            }
            return;
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
        if (erasures.isErased(event.learnerId())) {
            LOG.debugf("%s for erased learner %s ignored", event.getClass().getSimpleName(), event.learnerId());
            return;
        }
        boolean coursesChanged = settings.save(event);
        LOG.debugf("%s %s applied; courses %s%s", event.getClass().getSimpleName(), event.learnerId(), event.courses(),
                coursesChanged ? " changed" : "");
        if (coursesChanged) {
            notes.resolveLessonsAgain(event.learnerId());
        }
    }
}
