package io.coursetracker.tracker.teams;

import io.coursetracker.contracts.api.ProgressSummaries;
import io.coursetracker.contracts.api.ProgressSummaryRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.coursetracker.tracker.progress.ProgressServiceCredential;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * progress-service's internal {@code POST /v1/summaries} (8082, the {@code progress-service} URL).
 * Called with the admin token, the credential services share: a team's owner may read members'
 * summaries that their own token could not.
 */
@RegisterRestClient(configKey = "progress-service")
@RegisterProvider(SummaryErrors.class)
@RegisterClientHeaders(ProgressServiceCredential.class)
@Path("/v1/summaries")
public interface ProgressSummaryClient {
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    ProgressSummaries summarize(ProgressSummaryRequest request);
}
