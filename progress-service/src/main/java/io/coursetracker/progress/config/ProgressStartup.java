package io.coursetracker.progress.config;

import io.coursetracker.support.learners.LearnerDirectory;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** progress-service checks the tokens tracker-api passes on: it reads the learners topic from the start. */
@ApplicationScoped
public class ProgressStartup {
    void startLearnerDirectory(@Observes StartupEvent startup, LearnerDirectory directory) {
        directory.start();
    }
}
