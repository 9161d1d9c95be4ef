package io.coursetracker.progress.notes;

import io.coursetracker.support.security.Authenticator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * Which revision of each note progress-service has applied, and how many revisions of it it has
 * applied in all: what an operator (or the fault suite) compares with the revisions ingest-service
 * acknowledged, to show that none was lost and none applied twice.
 */
@Path("/v1/learners/{learner}/notes")
@Produces(MediaType.APPLICATION_JSON)
public class AppliedNotesResource {
    private final Authenticator authenticator;
    private final StoredNoteRepository notes;

    public AppliedNotesResource(Authenticator authenticator, StoredNoteRepository notes) {
        this.authenticator = authenticator;
        this.notes = notes;
    }

    public record AppliedNote(String path, long revision, boolean deleted, int appliedRevisions) {
    }

    @GET
    @Operation(summary = "The applied revision of each of the learner's notes and how many revisions of it were applied")
    public List<AppliedNote> appliedNotes(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                          @PathParam("learner") String learnerId) {
        authenticator.authorizeFor(authorization, learnerId);
        return notes.allNotesOf(learnerId).stream()
                .map(note -> new AppliedNote(note.key.notePath(), note.revision, note.deleted, note.appliedRevisions))
                .toList();
    }
}
