package io.coursetracker.tracker.live;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once live pages get every progress event published from now on. */
@Readiness
@ApplicationScoped
public class LiveFeedReadiness implements HealthCheck {
    private final ProgressEventFeed feed;

    public LiveFeedReadiness(ProgressEventFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("live progress events").status(feed.isPositioned()).build();
    }
}
