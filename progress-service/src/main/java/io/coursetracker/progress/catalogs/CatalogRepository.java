package io.coursetracker.progress.catalogs;

import io.coursetracker.contracts.catalog.BundledCatalogs;
import io.coursetracker.contracts.catalog.CatalogReader;
import io.coursetracker.contracts.catalog.CourseCatalog;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * progress-service's catalogs: what {@code catalogs.events.v1} published, over the bundled ones. The
 * one place progress-service looks a course up, for applying notes and for answering progress.
 */
@ApplicationScoped
public class CatalogRepository implements PanacheRepositoryBase<StoredCatalog, String> {

    public void save(CourseCatalog catalog, UUID eventId) {
        StoredCatalog stored = findByIdOptional(catalog.id()).orElseGet(StoredCatalog::new);
        stored.courseId = catalog.id();
        stored.body = CatalogReader.write(catalog);
        stored.eventId = eventId;
        stored.updatedAt = Instant.now();
        persist(stored);
    }

    /** The course's catalog: as published, else as bundled. */
    public Optional<CourseCatalog> catalog(String courseId) {
        return findByIdOptional(courseId)
                .map(stored -> CatalogReader.read(stored.body))
                .or(() -> BundledCatalogs.get(courseId));
    }

    /** The catalogs of these course ids, in their order; ids without a catalog (not published yet) are left out. */
    public List<CourseCatalog> forIds(Collection<String> courseIds) {
        return courseIds.stream().map(this::catalog).flatMap(Optional::stream).toList();
    }
}
