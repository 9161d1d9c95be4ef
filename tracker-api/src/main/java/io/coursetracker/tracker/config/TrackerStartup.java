package io.coursetracker.tracker.config;

import io.coursetracker.support.catalogs.CatalogDirectory;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * tracker-api answers about courses and checks learners' courses against the catalogs topic (it
 * writes that topic, but keeps no catalog table of its own: the compacted topic is the catalogs'
 * record), so it reads the topic from the moment it starts.
 */
@ApplicationScoped
public class TrackerStartup {
    void startCatalogDirectory(@Observes StartupEvent startup, CatalogDirectory catalogs) {
        catalogs.start();
    }
}
