package io.coursetracker.tracker.live;

import io.coursetracker.tracker.learners.TrackerAuthenticator;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * {@code GET /v1/learners/{id}/events}: the learner's progress events as server-sent events, one
 * per event on {@code progress.events.v1} (event name = its type, data = its JSON), from the moment
 * the stream opens. It opens with a {@code ready} event and sends a comment line as a heartbeat so
 * proxies keep it open. Same rules as the learner's reads: bearer token or session cookie, the
 * learner or an admin.
 */
@Path("/v1/learners/{learner}/events")
public class LiveResource {
    private final TrackerAuthenticator authenticator;
    private final LiveEvents live;
    private final Duration heartbeat;

    public LiveResource(TrackerAuthenticator authenticator, LiveEvents live,
                        @ConfigProperty(name = "tracker.live.heartbeat", defaultValue = "PT15S") Duration heartbeat) {
        this.authenticator = authenticator;
        this.live = live;
        this.heartbeat = heartbeat;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> events(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                          @PathParam("learner") String learnerId, @Context Sse sse) {
        authenticator.authorizeFor(authorization, learnerId);
        Multi<OutboundSseEvent> events = Multi.createFrom().<LiveEvent>emitter(emitter -> {
            Runnable unsubscribe = live.subscribe(learnerId, emitter::emit);
            emitter.onTermination(unsubscribe);
            emitter.emit(LiveEvent.ready());
        }).map(event -> {
            OutboundSseEvent.Builder builder = sse.newEventBuilder().name(event.type()).data(event.json());
            return (event.eventId() == null ? builder : builder.id(event.eventId())).build();
        });
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(events, heartbeats);
    }
}
