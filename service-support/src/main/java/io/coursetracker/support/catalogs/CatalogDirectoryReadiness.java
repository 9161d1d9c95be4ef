package io.coursetracker.support.catalogs;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A service that resolves lessons is ready once it knows every catalog published before it started. */
@Readiness
@ApplicationScoped
public class CatalogDirectoryReadiness implements HealthCheck {
    private final CatalogDirectory directory;

    public CatalogDirectoryReadiness(CatalogDirectory directory) {
        this.directory = directory;
    }

    @Override
    public HealthCheckResponse call() {
        boolean ready = !directory.isStarted() || directory.isLoaded();
        return HealthCheckResponse.named("catalog-directory").status(ready).build();
    }
}
