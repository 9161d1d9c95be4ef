package io.coursetracker.support.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The admin token from {@code TRACKER_ADMIN_TOKEN} ({@code tracker.admin-token}). In production a
 * service with none refuses to start rather than run open.
 */
@ApplicationScoped
public class AdminToken {
    private final Optional<String> token;

    public AdminToken(@ConfigProperty(name = "tracker.admin-token") Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank());
    }

    void refuseToRunOpen(@Observes StartupEvent startup) {
        if (token.isEmpty() && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("TRACKER_ADMIN_TOKEN is not set: refusing to start without an admin token");
        }
    }

    public boolean matches(String presented) {
        return token.isPresent() && Tokens.sameSecret(token.get(), presented);
    }
}
