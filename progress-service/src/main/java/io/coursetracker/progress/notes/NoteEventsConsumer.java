package io.coursetracker.progress.notes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.events.NoteDeleted;
import io.coursetracker.contracts.events.NoteEvent;
import io.coursetracker.contracts.events.NoteRevised;
import io.coursetracker.progress.config.Retry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code notes.events.v1} a poll at a time (batch mode): the records are grouped by learner,
 * in their order, and each learner's events are applied in one transaction ({@link NoteApplier#applyAll}).
 * A record that cannot be read goes to the dead-letter topic with the reason, and the rest of the batch
 * is applied; a failure to store is retried until it succeeds. The batch's offsets are committed only
 * after the method returns, that is after every learner's transaction committed.
 */
@ApplicationScoped
public class NoteEventsConsumer {
    private final NoteApplier applier;
    private final NoteDeadLetters deadLetters;
    private final ObjectMapper json;

    public NoteEventsConsumer(NoteApplier applier, NoteDeadLetters deadLetters, ObjectMapper json) {
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.json = json;
    }

    @Incoming("notes")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> records) {
        Map<String, List<NoteEvent>> byLearner = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            NoteEvent event;
            try {
                event = read(record.value());
            } catch (UnreadableEventException e) {
                Retry.untilDone("dead-lettering " + record.topic() + "-" + record.partition() + "@" + record.offset(),
                        () -> deadLetters.send(record, e));
                continue;
            }
            // A learner's events share a key, hence a partition: in the batch they keep the order they were accepted in.
            byLearner.computeIfAbsent(event.learnerId(), learner -> new ArrayList<>()).add(event);
        }
        byLearner.forEach((learner, events) ->
                Retry.untilDone("applying " + events.size() + " events of " + learner, () -> applier.applyAll(learner, events)));
    }

    NoteEvent read(String payload) {
        if (payload == null) {
            throw new UnreadableEventException("not a note event: the record has no value", null);
        }
        NoteEvent event;
        try {
            event = json.readValue(payload, NoteEvent.class);
        } catch (Exception e) {
            throw new UnreadableEventException("not a note event: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new UnreadableEventException("not a note event: null", null);
        }
        int known = event instanceof NoteRevised ? NoteRevised.SCHEMA_VERSION : NoteDeleted.SCHEMA_VERSION;
        if (event.schemaVersion() < 1 || event.schemaVersion() > known) {
            throw new UnreadableEventException("schemaVersion " + event.schemaVersion() + " is not one this service reads (1.." + known + ")", null);
        }
        return event;
    }
}
