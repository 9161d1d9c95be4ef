package io.coursetracker.tracker.progress;

import io.coursetracker.contracts.api.ErrorBody;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * progress-service did not answer at all (refused, timed out): the reads it serves are unavailable
 * for now, which is a 503 with Retry-After, not an unexplained 500. Its 5xx answers become 503 in
 * {@link ProgressServiceErrors}.
 */
public class ProgressServiceUnreachable {
    private static final Logger LOG = Logger.getLogger(ProgressServiceUnreachable.class);
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("answered 503, progress-service did not answer: %s", e.getMessage());
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .entity(new ErrorBody("progress unavailable", "progress-service did not answer; try again in "
                        + RETRY_AFTER_SECONDS + " s"))
                .build();
    }
}
