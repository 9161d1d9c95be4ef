package io.coursetracker.ingest.notes;

import io.coursetracker.contracts.note.Note;
import io.coursetracker.support.learners.LearnerDirectory;
import io.coursetracker.support.security.Authenticator;
import io.coursetracker.support.security.Caller;
import io.coursetracker.support.web.ApiException;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/** Note edits: {@code PUT} and {@code DELETE} of one note, and {@code POST /v1/parse} to try a note out. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class NoteResource {
    private final Authenticator authenticator;
    private final LearnerDirectory learners;
    private final NoteAnalyzer analyzer;
    private final NoteIntake intake;
    private final VaultUpload vaults;
    private final NoteMemory memory;

    public NoteResource(Authenticator authenticator, LearnerDirectory learners, NoteAnalyzer analyzer, NoteIntake intake,
                        VaultUpload vaults, NoteMemory memory) {
        this.memory = memory;
        this.authenticator = authenticator;
        this.learners = learners;
        this.analyzer = analyzer;
        this.intake = intake;
        this.vaults = vaults;
    }

    public record NoteAnswer(String status, long revision, UUID eventId, Note note) {
    }

    @PUT
    @Path("/learners/{learner}/notes/{path: .+}")
    @Consumes({"text/markdown", MediaType.TEXT_PLAIN})
    public Response put(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                        @PathParam("learner") String learnerId,
                        @PathParam("path") String rawPath,
                        @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                        InputStream body,
                        RoutingContext exchange) {
        authenticator.authorizeFor(authorization, learnerId);
        String notePath = NotePaths.validate(rawPath);
        NoteMemory.Share share = memory.reserveForRequest(NoteBodies.expectedSize(contentLength));
        exchange.addEndHandler(ended -> share.close());
        byte[] content = readWithin(share, contentLength, body);
        Note note = analyzer.analyze(notePath, content, courses(learnerId));
        share.parsed(content.length);
        NoteIntake.Outcome outcome = intake.revise(learnerId, notePath, content, note);
        if (outcome instanceof NoteIntake.Accepted accepted) {
            return Response.accepted(new NoteAnswer("accepted", accepted.revision(), accepted.eventId(), note)).build();
        }
        return Response.ok(new NoteAnswer("unchanged", outcome.revision(), null, note)).build();
    }

    /**
     * A zipped vault: 202 with how many notes were accepted, unchanged, deleted ({@code mirror=true})
     * and which were rejected, with why. See {@link VaultArchive} for which entries count.
     */
    @POST
    @Path("/learners/{learner}/vault")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    public Response uploadVault(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @PathParam("learner") String learnerId,
                                @QueryParam("mirror") boolean mirror,
                                InputStream zip) {
        authenticator.authorizeFor(authorization, learnerId);
        return Response.accepted(vaults.upload(learnerId, courses(learnerId), zip, mirror)).build();
    }

    @DELETE
    @Path("/learners/{learner}/notes/{path: .+}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @PathParam("learner") String learnerId,
                           @PathParam("path") String rawPath) {
        authenticator.authorizeFor(authorization, learnerId);
        NoteIntake.Accepted deleted = intake.delete(learnerId, NotePaths.validate(rawPath));
        return Response.accepted(new NoteAnswer("deleted", deleted.revision(), deleted.eventId(), null)).build();
    }

    @POST
    @Path("/parse")
    @Consumes({"text/markdown", MediaType.TEXT_PLAIN})
    public Note parse(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                      @QueryParam("path") String rawPath,
                      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                      InputStream body,
                      RoutingContext exchange) {
        Caller caller = authenticator.authenticate(authorization);
        String notePath = rawPath == null ? "note.md" : NotePaths.validate(rawPath);
        byte[] content = readWithinMemory(contentLength, body, exchange);
        if (caller instanceof Caller.Learner learner) {
            return analyzer.analyze(notePath, content, courses(learner.learnerId()));
        }
        return analyzer.analyzeAgainstAllCourses(notePath, content);
    }

    /**
     * Takes the note's share of {@link NoteMemory} (for its declared length, or 1 MiB if it has none),
     * reads the body, and keeps the share until the answer has been sent: the body, the decoded text,
     * the parsed note, its event and the answer's JSON are all within it. Waits for a share at most
     * {@link NoteMemoryConfig#maxWait()}, then 503 with Retry-After.
     */
    private byte[] readWithinMemory(String contentLength, InputStream body, RoutingContext exchange) {
        NoteMemory.Share share = memory.reserveForRequest(NoteBodies.expectedSize(contentLength));
        exchange.addEndHandler(ended -> share.close());
        return readWithin(share, contentLength, body);
    }

    private static byte[] readWithin(NoteMemory.Share share, String contentLength, InputStream body) {
        byte[] content = NoteBodies.read(contentLength, body);
        share.shrinkTo(content.length);
        return content;
    }

    private List<String> courses(String learnerId) {
        return learners.learner(learnerId)
                .map(l -> l.courses())
                .orElseThrow(() -> ApiException.notFound("unknown learner", "no learner '" + learnerId + "'"));
    }
}
