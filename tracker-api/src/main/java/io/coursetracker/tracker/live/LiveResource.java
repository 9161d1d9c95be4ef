package io.coursetracker.tracker.live;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.util.Set;

/**
 * {@code GET /v1/learners/{id}/events}: the learner's progress events as server-sent events, one
 * per event on {@code progress.events.v1} (event name = its type, data = its JSON), from the moment
 * the stream opens. It opens with a {@code ready} event and sends a comment line as a heartbeat so
 * proxies keep it open. Same rules as the learner's reads: bearer token or session cookie, the
 * learner or an admin; checked again while the stream is open ({@link LiveStreams}), which ends
 * within a second of the token being rotated, the session signed out or the learner erased.
 */
@Path("/v1/learners/{learner}/events")
public class LiveResource {
    private final StreamRights rights;
    private final LiveStreams streams;

    public LiveResource(StreamRights rights, LiveStreams streams) {
        this.rights = rights;
        this.streams = streams;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> events(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                          @PathParam("learner") String learnerId, @Context Sse sse) {
        StreamRights.Credential credential = rights.ofCurrentRequest(authorization);
        Set<String> following = rights.learnerStream(credential, learnerId);
        return streams.open(sse, following, () -> rights.learnerStream(credential, learnerId), event -> {
            OutboundSseEvent.Builder builder = sse.newEventBuilder().name(event.type()).data(event.json());
            return (event.eventId() == null ? builder : builder.id(event.eventId())).build();
        });
    }
}
