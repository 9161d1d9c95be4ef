package io.coursetracker.ingest.config;

import io.coursetracker.support.learners.LearnerDirectory;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** ingest-service checks learners' tokens: it reads the learners topic from the moment it starts. */
@ApplicationScoped
public class IngestStartup {
    void startLearnerDirectory(@Observes StartupEvent startup, LearnerDirectory directory) {
        directory.start();
    }
}
