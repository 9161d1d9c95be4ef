package io.coursetracker.tracker.progress;

import io.coursetracker.contracts.api.ErrorBody;
import io.coursetracker.support.web.ApiException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** progress-service's 4xx answers reach the client as they were; its failures become a 503. */
public class ProgressServiceErrors implements ResponseExceptionMapper<ApiException> {
    @Override
    public ApiException toThrowable(Response response) {
        if (response.getStatus() >= 500) {
            return new ApiException(503, "progress unavailable", "progress-service did not answer; try again shortly");
        }
        ErrorBody body = response.hasEntity() ? response.readEntity(ErrorBody.class) : null;
        return body == null
                ? new ApiException(response.getStatus(), "request refused", "HTTP " + response.getStatus())
                : new ApiException(response.getStatus(), body.error(), body.detail());
    }
}
