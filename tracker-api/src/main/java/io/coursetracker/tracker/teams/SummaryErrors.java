package io.coursetracker.tracker.teams;

import io.coursetracker.support.web.ApiException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Any refusal of a summary call is tracker-api's problem, not the caller's (the caller's rights were
 * checked here): the team dashboard answers 503 and the log has the status.
 */
public class SummaryErrors implements ResponseExceptionMapper<ApiException> {
    @Override
    public ApiException toThrowable(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new ApiException(503, "progress unavailable",
                "progress-service answered HTTP " + response.getStatus() + " to the team summary; try again shortly"
                        + (response.getStatus() == 404 && body.contains("unknown course") ? " (it does not know the team's course yet)" : ""));
    }
}
