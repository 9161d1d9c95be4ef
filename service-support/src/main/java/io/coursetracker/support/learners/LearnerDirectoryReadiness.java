package io.coursetracker.support.learners;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A service that checks tokens is ready once it knows every learner registered before it started. */
@Readiness
@ApplicationScoped
public class LearnerDirectoryReadiness implements HealthCheck {
    private final LearnerDirectory directory;

    public LearnerDirectoryReadiness(LearnerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public HealthCheckResponse call() {
        boolean ready = !directory.isStarted() || directory.isLoaded();
        return HealthCheckResponse.named("learner-directory").status(ready).build();
    }
}
