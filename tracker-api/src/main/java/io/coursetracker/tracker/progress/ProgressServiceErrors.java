package io.coursetracker.tracker.progress;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.api.ErrorBody;
import io.coursetracker.support.web.ApiException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * progress-service's 4xx answers reach the client as they were; its failures become a 503. A 4xx
 * stays a 4xx whatever its body: one that is not progress-service's {@link ErrorBody} JSON (empty,
 * text, HTML from something in between) is passed on with its status and a generic error, never
 * turned into a failure to read it (which would be a 503).
 */
public class ProgressServiceErrors implements ResponseExceptionMapper<ApiException> {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** An error body longer than this is not progress-service's: not read further. */
    private static final int MAX_ERROR_BODY = 16 * 1024;

    @Override
    public ApiException toThrowable(Response response) {
        int status = response.getStatus();
        if (status >= 500 || status < 400) {
            return new ApiException(503, "progress unavailable", "progress-service did not answer; try again shortly");
        }
        ErrorBody body = errorBody(response);
        return body == null || body.error() == null || body.error().isBlank()
                ? new ApiException(status, "request refused", "HTTP " + status)
                : new ApiException(status, body.error(), body.detail() == null ? "HTTP " + status : body.detail());
    }

    /** The error body as progress-service writes it, or null if there is none or it is something else. */
    public static ErrorBody errorBody(Response response) {
        try {
            if (!response.hasEntity()) {
                return null;
            }
            String text = response.readEntity(String.class);
            if (text == null || text.isBlank() || text.length() > MAX_ERROR_BODY) {
                return null;
            }
            return JSON.readValue(text, ErrorBody.class);
        } catch (Exception notAnErrorBody) {
            return null;
        }
    }
}
