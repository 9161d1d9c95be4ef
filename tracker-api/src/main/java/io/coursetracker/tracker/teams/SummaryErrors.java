package io.coursetracker.tracker.teams;

import io.coursetracker.contracts.api.ErrorBody;
import io.coursetracker.support.web.ApiException;
import io.coursetracker.tracker.progress.ProgressServiceErrors;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * A summary call progress-service refuses as a bad request (400: the request's {@code asOf}, the
 * only part a caller chooses, which tracker-api reads by the same rule first) reaches the caller as
 * that 400. Any other refusal is tracker-api's problem, not the caller's (the caller's rights were
 * checked here, and 401/403 would be about tracker-api's own credential; 404 is a course
 * progress-service does not know yet): the team dashboard answers 503 and the log has the status.
 */
public class SummaryErrors implements ResponseExceptionMapper<ApiException> {
    @Override
    public ApiException toThrowable(Response response) {
        if (response.getStatus() == 400) {
            ErrorBody body = ProgressServiceErrors.errorBody(response);
            return body == null || body.error() == null
                    ? new ApiException(400, "request refused", "progress-service refused the team summary as a bad request")
                    : new ApiException(400, body.error(), body.detail());
        }
        String body = response.hasEntity() ? readQuietly(response) : "";
        return new ApiException(503, "progress unavailable",
                "progress-service answered HTTP " + response.getStatus() + " to the team summary; try again shortly"
                        + (response.getStatus() == 404 && body.contains("unknown course") ? " (it does not know the team's course yet)" : ""));
    }

    private static String readQuietly(Response response) {
        try {
            return response.readEntity(String.class);
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
