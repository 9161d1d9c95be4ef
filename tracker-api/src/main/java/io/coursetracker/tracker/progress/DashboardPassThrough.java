package io.coursetracker.tracker.progress;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.coursetracker.support.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The learner dashboard as a conditional pass-through. progress-service tags each dashboard with a
 * strong {@code ETag} that moves whenever anything the dashboard is computed from changes (its
 * read_version stamp and the day). tracker-api keeps the last body it was sent per learner and
 * {@code asOf} (bounded by bytes, {@code tracker.dashboard-cache.max-bytes}) and asks with
 * {@code If-None-Match}: on 304 it serves the bytes it kept, as they are (no copy, no parse); on 200
 * it serves the new body and keeps it instead. It never serves a body progress-service has not just
 * confirmed current for this request: there is no expiry by time and no answer without asking.
 * The caller is authorized before, by the resource, on every request.
 */
@ApplicationScoped
public class DashboardPassThrough {
    /** A learner's dashboard as one {@code asOf} query asks for it (null: today, in the learner's zone). */
    private record Key(String learnerId, String asOf) {
    }

    /** The body progress-service sent with {@code etag}; never changed after it is kept. */
    private record Kept(String etag, byte[] body) {
    }

    /** A client method answering {@link Response} is not passed through the client's ResponseExceptionMapper. */
    private static final ProgressServiceErrors ERRORS = new ProgressServiceErrors();

    private final ProgressServiceClient progressService;
    private final Cache<Key, Kept> kept;
    private final Counter notModified;
    private final Counter sent;

    public DashboardPassThrough(@RestClient ProgressServiceClient progressService, MeterRegistry registry,
                                @ConfigProperty(name = "tracker.dashboard-cache.max-bytes", defaultValue = "8388608") long maxBytes) {
        this.progressService = progressService;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, Kept value) -> value.body().length + value.etag().length() + key.learnerId().length() + 64)
                .build();
        this.notModified = Counter.builder("tracker.dashboard.reads").tag("answer", "not-modified")
                .description("Learner dashboards progress-service confirmed current (304): served from tracker-api's copy")
                .register(registry);
        this.sent = Counter.builder("tracker.dashboard.reads").tag("answer", "body")
                .description("Learner dashboards progress-service sent whole (200)")
                .register(registry);
    }

    /** The dashboard's JSON, as progress-service wrote it and has just confirmed current; not to be changed. */
    public byte[] dashboard(String learnerId, String asOf) {
        Key key = new Key(learnerId, asOf);
        Kept mine = kept.getIfPresent(key);
        Response response = progressService.dashboard(learnerId, asOf, mine == null ? null : mine.etag());
        try {
            if (response.getStatus() == 304 && mine != null) {
                notModified.increment();
                return mine.body();
            }
            if (response.getStatus() == 304) {
                // Not asked conditionally, yet told "not modified": nothing of ours to serve.
                throw new ApiException(503, "progress unavailable", "progress-service answered 304 to an unconditional read");
            }
            if (response.getStatus() != 200) {
                // As every other read: 4xx as progress-service said it, 5xx (or anything else) a 503.
                throw ERRORS.toThrowable(response.getStatus() >= 400 ? response
                        : Response.status(502).build());
            }
            byte[] body = response.readEntity(byte[].class);
            String etag = response.getHeaderString(HttpHeaders.ETAG);
            sent.increment();
            if (etag == null || etag.isBlank() || etag.startsWith("W/")) {
                kept.invalidate(key); // a body we cannot ask about again is not worth keeping
            } else {
                kept.put(key, new Kept(etag, body));
            }
            return body;
        } finally {
            response.close();
        }
    }
}
