package io.coursetracker.tracker.live;

import io.coursetracker.tracker.learners.TrackerAuthenticator;
import io.coursetracker.tracker.teams.Team;
import io.coursetracker.tracker.teams.Teams;
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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/teams/{id}/events}: the progress events of the team's members as server-sent
 * events (event name = its type, data = its JSON, which names the learner), from the moment the
 * stream opens; same rules as the team dashboard (members, the owner, an admin; others 403, a
 * missing token or session 401). The members are those of the moment the stream opens: a page
 * re-reads the dashboard on {@code ready}, so a reconnect picks up a changed membership.
 */
@Path("/v1/teams/{team}/events")
public class TeamLiveResource {
    private final TrackerAuthenticator authenticator;
    private final Teams teams;
    private final LiveEvents live;
    private final Duration heartbeat;

    public TeamLiveResource(TrackerAuthenticator authenticator, Teams teams, LiveEvents live,
                            @ConfigProperty(name = "tracker.live.heartbeat", defaultValue = "PT15S") Duration heartbeat) {
        this.authenticator = authenticator;
        this.teams = teams;
        this.live = live;
        this.heartbeat = heartbeat;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> events(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                          @PathParam("team") String teamId, @Context Sse sse) {
        Team team = teams.forDashboard(authenticator.authenticate(authorization), teamId);
        List<String> members = teams.membersOf(team.teamId);
        Multi<OutboundSseEvent> events = Multi.createFrom().<LiveEvent>emitter(emitter -> {
            List<Runnable> subscriptions = new ArrayList<>();
            for (String member : members) {
                subscriptions.add(live.subscribe(member, emitter::emit));
            }
            emitter.onTermination(() -> subscriptions.forEach(Runnable::run));
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
