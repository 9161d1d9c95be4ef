package io.coursetracker.tracker.courses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.catalog.CourseCatalog;
import io.coursetracker.contracts.events.CourseCatalogPublished;
import io.coursetracker.support.catalogs.CatalogDirectory;
import io.coursetracker.support.web.ApiException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Publishes a catalog on {@code catalogs.events.v1}, keyed by course id, and returns only once the
 * broker has acknowledged it (acks=all): the topic is where catalogs live, so the acknowledgement is
 * what makes a {@code PUT} durable.
 */
@ApplicationScoped
public class CatalogPublication {
    private static final Duration PUBLISH_LIMIT = Duration.ofSeconds(10);
    private static final Duration SEE_OWN_WRITE_LIMIT = Duration.ofSeconds(3);

    private final MutinyEmitter<String> catalogEvents;
    private final CatalogDirectory catalogs;
    private final ObjectMapper json;

    public CatalogPublication(@Channel("catalog-events") MutinyEmitter<String> catalogEvents, CatalogDirectory catalogs,
                              ObjectMapper json) {
        this.catalogEvents = catalogEvents;
        this.catalogs = catalogs;
        this.json = json;
    }

    public CourseCatalogPublished publish(CourseCatalog catalog) {
        CourseCatalogPublished event = new CourseCatalogPublished(UUID.randomUUID(), Instant.now(),
                CourseCatalogPublished.SCHEMA_VERSION, catalog);
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try {
            catalogEvents.sendMessage(Message.of(payload).addMetadata(
                            OutgoingKafkaRecordMetadata.<String>builder().withKey(catalog.id()).build()))
                    .await().atMost(PUBLISH_LIMIT);
        } catch (RuntimeException e) {
            throw new ApiException(503, "catalog not published", "the event log is unavailable; nothing changed, try again");
        }
        // So that this instance's next GET shows the new catalog; the event is durable either way.
        catalogs.catchUp(SEE_OWN_WRITE_LIMIT);
        return event;
    }
}
