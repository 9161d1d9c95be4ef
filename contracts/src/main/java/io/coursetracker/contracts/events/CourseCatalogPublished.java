package io.coursetracker.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.coursetracker.contracts.catalog.CourseCatalog;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An admin published a course's catalog, new or replacing the one with the same id (a bundled one
 * included). The whole catalog, in the format {@code PUT /v1/courses/{id}} takes.
 */
public record CourseCatalogPublished(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        CourseCatalog catalog) implements CatalogEvent {

    public static final int SCHEMA_VERSION = 1;

    public CourseCatalogPublished {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(catalog, "catalog");
    }

    /** Not a field on the wire: the key already says it, and the catalog holds it. */
    @JsonIgnore
    @Override
    public String courseId() {
        return catalog.id();
    }
}
