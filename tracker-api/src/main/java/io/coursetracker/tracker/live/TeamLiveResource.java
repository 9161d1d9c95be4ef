package io.coursetracker.tracker.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.io.UncheckedIOException;
import java.util.Set;

/**
 * {@code GET /v1/teams/{id}/events}: a nudge per progress event of the team's members as server-sent
 * events (event name = its type, data = {@code {"type","learnerId"}}: what the team page uses, which
 * reads the dashboard again; never the event's note path or content), from the moment the stream
 * opens; same rules as the team dashboard (members, the owner, an admin; others 403, a missing token
 * or session 401). The rights and the members followed are checked again while the stream is open
 * ({@link LiveStreams}): it ends within a second of its caller leaving or being removed from the
 * team, their token being rotated or their session signed out, and stops carrying a member who left.
 */
@Path("/v1/teams/{team}/events")
public class TeamLiveResource {
    private final StreamRights rights;
    private final LiveStreams streams;
    private final ObjectMapper json;

    public TeamLiveResource(StreamRights rights, LiveStreams streams, ObjectMapper json) {
        this.rights = rights;
        this.streams = streams;
        this.json = json;
    }

    /** What the team's stream says of a member's event. */
    public record TeamEvent(String type, String learnerId) {
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> events(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                          @PathParam("team") String teamId, @Context Sse sse) {
        StreamRights.Credential credential = rights.ofCurrentRequest(authorization);
        Set<String> following = rights.teamStream(credential, teamId);
        return streams.open(sse, following, () -> rights.teamStream(credential, teamId), event -> sse.newEventBuilder()
                .name(event.type())
                .data(event.learnerId() == null ? event.json() : toJson(new TeamEvent(event.type(), event.learnerId())))
                .build());
    }

    private String toJson(TeamEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
