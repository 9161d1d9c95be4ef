package io.coursetracker.tracker.live;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the live feed has positioned itself on every partition and while its reader runs. A
 * Kafka outage does not make tracker-api unready (its reads do not need Kafka, and the feed reads
 * again by itself when the broker is back); {@code reading} says whether the feed reaches the broker now.
 */
@Readiness
@ApplicationScoped
public class LiveFeedReadiness implements HealthCheck {
    private final ProgressEventFeed feed;

    public LiveFeedReadiness(ProgressEventFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("live progress events").status(feed.isPositioned()).withData("reading", feed.isReading()).build();
    }
}
