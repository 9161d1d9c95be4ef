package io.coursetracker.ingest.config;

import io.coursetracker.support.catalogs.CatalogDirectory;
import io.coursetracker.support.learners.LearnerDirectory;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * ingest-service checks learners' tokens and resolves lessons against their courses: it reads the
 * learners and catalogs topics from the moment it starts.
 */
@ApplicationScoped
public class IngestStartup {
    void startLearnerDirectory(@Observes StartupEvent startup, LearnerDirectory directory) {
        directory.start();
    }

    void startCatalogDirectory(@Observes StartupEvent startup, CatalogDirectory catalogs) {
        catalogs.start();
    }
}
