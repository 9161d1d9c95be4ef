package io.coursetracker.ingest.notes;

import io.coursetracker.contracts.api.ErrorBody;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** {@link NoteMemory.Busy}: 503 with Retry-After, so that a client knows to send the note again. */
public class BusyMapper {
    @ServerExceptionMapper
    public Response busy(NoteMemory.Busy e) {
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", NoteMemory.RETRY_AFTER_SECONDS)
                .entity(new ErrorBody(e.error(), e.detail()))
                .build();
    }
}
