package io.coursetracker.tracker.web;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class WebSessionRepository implements PanacheRepositoryBase<WebSession, String> {
    public long deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }

    public long deleteForLearner(String learnerId) {
        return delete("learnerId", learnerId);
    }
}
