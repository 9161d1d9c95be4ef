package io.coursetracker.tracker.web;

import io.coursetracker.support.web.ApiException;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the web page's requests carry besides a bearer token: the session cookie, and the checks
 * that keep other sites from using it (cross-site request forgery).
 *
 * <p>The rules:
 * <ol>
 *   <li>The cookie is {@code HttpOnly} (scripts cannot read it), {@code SameSite=Strict} (the browser
 *       sends it only on requests that another site did not start), {@code Path=/}, and {@code Secure}
 *       when the request came over HTTPS ({@code tracker.web.secure-cookie}: auto, always, never).</li>
 *   <li>A form post of the page itself ({@code POST /sign-in}, {@code POST /sign-out}) must come from
 *       this origin: its {@code Origin} header, or when there is none its {@code Referer}, must name
 *       this server's scheme, host and port. Neither, or another origin: 403. This also stops a
 *       site from signing a victim in as someone else.</li>
 *   <li>A request authenticated by the cookie (no {@code Authorization} header) whose method changes
 *       something (anything but GET, HEAD, OPTIONS) must carry {@code X-Requested-With} (any
 *       value) and, if it has an {@code Origin}, this origin. A browser sends a custom header
 *       cross-site only after a CORS preflight, and tracker-api answers none. Otherwise 403.</li>
 *   <li>Bearer-token requests are not affected: a browser never adds that header by itself.</li>
 * </ol>
 */
@ApplicationScoped
public class BrowserRequest {
    public static final String SESSION_COOKIE = "ct_session";
    public static final String CSRF_HEADER = "X-Requested-With";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final CurrentVertxRequest currentRequest;
    private final WebConfig config;

    @Inject
    public BrowserRequest(CurrentVertxRequest currentRequest, WebConfig config) {
        this.currentRequest = currentRequest;
        this.config = config;
    }

    /** The session id of the current HTTP request's cookie, if there is a request and it has one. */
    public Optional<String> sessionId() {
        return request().map(r -> r.getCookie(SESSION_COOKIE)).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    /** Rule 3: a cookie-authenticated request that changes something must show it came from our page. */
    public void requireCsrfProofIfUnsafe() {
        Optional<HttpServerRequest> request = request();
        if (request.isEmpty() || SAFE_METHODS.contains(request.get().method().name())) {
            return;
        }
        String marker = request.get().getHeader(CSRF_HEADER);
        String origin = request.get().getHeader("Origin");
        if (marker == null || marker.isBlank() || (origin != null && !origin.equalsIgnoreCase(ownOrigin(request.get())))) {
            throw new ApiException(403, "cross-site request refused",
                    "a request signed in by the session cookie that changes something must send '" + CSRF_HEADER
                            + "' from this site's own pages, or use 'Authorization: Bearer <token>'");
        }
    }

    /** Rule 2: a form post must come from a page of this origin. */
    public void requireSameOrigin() {
        HttpServerRequest request = request().orElseThrow(() -> new IllegalStateException("no HTTP request"));
        String own = ownOrigin(request);
        String origin = request.getHeader("Origin");
        String claimed = origin != null && !origin.equals("null") ? origin : originOf(request.getHeader("Referer"));
        if (claimed == null || !claimed.equalsIgnoreCase(own)) {
            throw new ApiException(403, "cross-site request refused", "sign in and out from this site's own pages");
        }
    }

    /** The session cookie, with rule 1's attributes. */
    public NewCookie sessionCookie(String sessionId) {
        return cookie(sessionId, -1);
    }

    /** A cookie that makes the browser forget the session. */
    public NewCookie expiredSessionCookie() {
        return cookie("", 0);
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(SESSION_COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure())
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .build();
    }

    private boolean secure() {
        switch (config.secureCookie()) {
            case ALWAYS:
                return true;
            case NEVER:
                return false;
            default:
                return request().map(r -> "https".equalsIgnoreCase(r.scheme())).orElse(false);
        }
    }

    private Optional<HttpServerRequest> request() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        RoutingContext context = currentRequest.getCurrent();
        return context == null ? Optional.empty() : Optional.of(context.request());
    }

    private static String ownOrigin(HttpServerRequest request) {
        String host = request.getHeader("Host");
        return (request.scheme() + "://" + (host == null ? "" : host)).toLowerCase(Locale.ROOT);
    }

    private static String originOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return (uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
