package io.coursetracker.progress.catalogs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.catalog.CatalogValidator;
import io.coursetracker.contracts.events.CatalogEvent;
import io.coursetracker.contracts.events.CourseCatalogPublished;
import io.coursetracker.contracts.events.SchemaVersions;
import io.coursetracker.progress.config.Retry;
import io.coursetracker.progress.learners.LearnerLocks;
import io.coursetracker.progress.learners.LearnerSettingsRepository;
import io.coursetracker.progress.notes.NoteApplier;
import io.coursetracker.progress.notes.ProcessedEventRepository;
import io.coursetracker.progress.notes.UnreadableEventException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Reads {@code catalogs.events.v1} into the {@code course_catalog} table and, in the same
 * transaction, resolves again the lesson mentions of every learner who follows the course. A record
 * that is not a readable, valid catalog under its own id goes to the dead-letter topic; a failure
 * to store is retried until it succeeds.
 */
@ApplicationScoped
public class CatalogEventsConsumer {
    private static final Logger LOG = Logger.getLogger(CatalogEventsConsumer.class);

    private final CatalogRepository catalogs;
    private final LearnerSettingsRepository learners;
    private final NoteApplier notes;
    private final ProcessedEventRepository processed;
    private final LearnerLocks locks;
    private final ObjectMapper json;

    public CatalogEventsConsumer(CatalogRepository catalogs, LearnerSettingsRepository learners, NoteApplier notes,
                                 ProcessedEventRepository processed, LearnerLocks locks, ObjectMapper json) {
        this.catalogs = catalogs;
        this.learners = learners;
        this.notes = notes;
        this.processed = processed;
        this.locks = locks;
        this.json = json;
    }

    @Incoming("catalogs")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return; // tombstone: withdrawing a catalog is not offered; the last one published stays in use
        }
        CourseCatalogPublished published = read(record.key(), record.value());
        Retry.untilDone("applying catalog " + published.courseId(), () -> apply(published));
    }

    CourseCatalogPublished read(String key, String payload) {
        CatalogEvent event;
        try {
            event = json.readValue(payload, CatalogEvent.class);
        } catch (Exception e) {
            throw new UnreadableEventException("not a catalog event: " + e.getMessage(), e);
        }
        if (!SchemaVersions.isKnown(event)) {
            throw new UnreadableEventException(SchemaVersions.refusal(event), null);
        }
        CourseCatalogPublished published = (CourseCatalogPublished) event;
        List<String> problems = CatalogValidator.problems(published.catalog());
        if (!problems.isEmpty()) {
            throw new UnreadableEventException("invalid catalog: " + String.join("; ", problems), null);
        }
        if (!published.courseId().equals(key)) {
            throw new UnreadableEventException("catalog '" + published.courseId() + "' under key '" + key + "'", null);
        }
        return published;
    }

    /** Returns whether the event changed anything. */
    @Transactional
    boolean apply(CourseCatalogPublished published) {
        // Before reading the followers: a learner starting to follow the course meanwhile is then either
        // among them, or is resolved after this commits, against the new catalog.
        locks.settingsAndCatalogs();
        if (!processed.firstTime(published.eventId())) {
            return false;
        }
        catalogs.save(published.catalog(), published.eventId());
        List<String> followers = learners.followersOf(published.courseId());
        for (String learnerId : followers) {
            notes.resolveLessonsAgain(learnerId);
        }
        LOG.infof("catalog %s applied; lessons resolved again for %d learners", published.courseId(), followers.size());
        return true;
    }
}
