package io.coursetracker.ingest.notes;

import io.coursetracker.contracts.events.NoteDeleted;
import io.coursetracker.contracts.events.NoteRevised;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.contracts.note.Note;
import io.coursetracker.ingest.outbox.Outbox;
import io.coursetracker.support.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Decides whether an edit is a new revision and, in one transaction, records the revision with the
 * note's bytes and queues its event in the outbox: once this returns, the edit is durable.
 */
@ApplicationScoped
public class NoteIntake {
    private final NoteHeadRepository heads;
    private final NoteRevisionRepository revisions;
    private final Outbox outbox;

    public NoteIntake(NoteHeadRepository heads, NoteRevisionRepository revisions, Outbox outbox) {
        this.heads = heads;
        this.revisions = revisions;
        this.outbox = outbox;
    }

    public sealed interface Outcome permits Accepted, Unchanged {
        long revision();
    }

    public record Accepted(long revision, UUID eventId) implements Outcome {
    }

    public record Unchanged(long revision) implements Outcome {
    }

    @Transactional
    public Outcome revise(String learnerId, String notePath, byte[] content, Note note) {
        String sha256 = sha256(content);
        NoteHead head = heads.lockOrCreate(learnerId, notePath);
        if (!head.deleted && sha256.equals(head.contentSha256)) {
            return new Unchanged(head.revision);
        }
        Instant now = Instant.now();
        long revision = head.revision + 1;
        UUID eventId = UUID.randomUUID();
        record(learnerId, notePath, revision, eventId, content, sha256, now);
        head.revision = revision;
        head.contentSha256 = sha256;
        head.deleted = false;
        head.updatedAt = now;
        outbox.add(Topics.NOTES, learnerId, new NoteRevised(
                eventId, now, NoteRevised.SCHEMA_VERSION, learnerId, notePath, revision, sha256, note));
        return new Accepted(revision, eventId);
    }

    @Transactional
    public Accepted delete(String learnerId, String notePath) {
        NoteHead head = heads.lockExisting(learnerId, notePath)
                .filter(h -> !h.deleted)
                .orElseThrow(() -> ApiException.notFound("unknown note", "no note at '" + notePath + "'"));
        Instant now = Instant.now();
        long revision = head.revision + 1;
        UUID eventId = UUID.randomUUID();
        record(learnerId, notePath, revision, eventId, null, null, now);
        head.revision = revision;
        head.contentSha256 = null;
        head.deleted = true;
        head.updatedAt = now;
        outbox.add(Topics.NOTES, learnerId, new NoteDeleted(
                eventId, now, NoteDeleted.SCHEMA_VERSION, learnerId, notePath, revision));
        return new Accepted(revision, eventId);
    }

    private void record(String learnerId, String notePath, long revision, UUID eventId,
                        byte[] content, String sha256, Instant acceptedAt) {
        NoteRevision entry = new NoteRevision();
        entry.key = new NoteRevision.RevisionKey(learnerId, notePath, revision);
        entry.eventId = eventId;
        entry.content = content;
        entry.contentSha256 = sha256;
        entry.acceptedAt = acceptedAt;
        revisions.persist(entry);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
