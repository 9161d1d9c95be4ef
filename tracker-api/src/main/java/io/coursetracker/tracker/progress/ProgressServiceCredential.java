package io.coursetracker.tracker.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import java.util.Optional;

/**
 * The service credential on every call to progress-service: the admin token every service shares
 * ({@code TRACKER_ADMIN_TOKEN}), never the caller's own header, which a cookie-signed-in page does
 * not have. The caller was authorized by tracker-api before the call.
 */
@ApplicationScoped
public class ProgressServiceCredential implements ClientHeadersFactory {
    private final Optional<String> adminToken;

    public ProgressServiceCredential(@ConfigProperty(name = "tracker.admin-token") Optional<String> adminToken) {
        this.adminToken = adminToken.filter(t -> !t.isBlank());
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
                                                 MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        adminToken.ifPresent(token -> headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        return headers;
    }
}
