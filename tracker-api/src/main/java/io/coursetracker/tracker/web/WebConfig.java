package io.coursetracker.tracker.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The web page's session settings ({@code tracker.web.*}). */
@ConfigMapping(prefix = "tracker.web")
public interface WebConfig {
    /** How long a session lives without use; every use moves the expiry this far ahead (sliding). */
    @WithDefault("PT12H")
    Duration sessionTtl();

    /**
     * When the session cookie is marked {@code Secure}: {@code auto} when the request came over
     * HTTPS (as the request or, with {@code quarkus.http.proxy.*} forwarding on, the proxy says),
     * {@code always}, or {@code never}.
     */
    @WithDefault("auto")
    SecureCookie secureCookie();

    enum SecureCookie { AUTO, ALWAYS, NEVER }
}
