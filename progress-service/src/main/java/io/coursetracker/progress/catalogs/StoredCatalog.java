package io.coursetracker.progress.catalogs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A published catalog as progress-service last applied it. */
@Entity
@Table(name = "course_catalog")
public class StoredCatalog {
    @Id
    @Column(name = "course_id")
    public String courseId;
    /** The catalog as JSON, in {@code CatalogReader}'s format. */
    public String body;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
