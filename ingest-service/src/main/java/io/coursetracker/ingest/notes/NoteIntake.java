package io.coursetracker.ingest.notes;

import io.coursetracker.contracts.events.NoteDeleted;
import io.coursetracker.contracts.events.NoteRevised;
import io.coursetracker.contracts.events.Topics;
import io.coursetracker.contracts.note.Note;
import io.coursetracker.ingest.learners.LearnerErasures;
import io.coursetracker.outbox.Outbox;
import io.coursetracker.support.security.Tokens;
import io.coursetracker.support.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
    private final LearnerErasures erasures;

    public NoteIntake(NoteHeadRepository heads, NoteRevisionRepository revisions, Outbox outbox, LearnerErasures erasures) {
        this.heads = heads;
        this.revisions = revisions;
        this.outbox = outbox;
        this.erasures = erasures;
    }

    public sealed interface Outcome permits Accepted, Unchanged {
        long revision();
    }

    public record Accepted(long revision, UUID eventId) implements Outcome {
    }

    public record Unchanged(long revision) implements Outcome {
    }

    /** One note of a vault, parsed and ready to store. */
    public record Edit(String notePath, byte[] content, Note note) {
    }

    @Transactional
    public Outcome revise(String learnerId, String notePath, byte[] content, Note note) {
        refuseErased(learnerId);
        return store(learnerId, notePath, content, note);
    }

    /**
     * Stores several edits of one learner in one transaction (one commit, one lock): each edit is
     * decided as {@link #revise} decides it, and the outcomes come back in the edits' order. The
     * notes' heads are created and locked with one statement each for the whole list, and the new
     * revisions, head updates and outbox rows go to the database as JDBC batches at commit, so the
     * round trips do not grow with the number of edits.
     */
    @Transactional
    public List<Outcome> reviseAll(String learnerId, List<Edit> edits) {
        refuseErased(learnerId);
        Map<String, NoteHead> lockedHeads = heads.lockOrCreateAll(learnerId,
                edits.stream().map(Edit::notePath).collect(Collectors.toCollection(TreeSet::new)));
        List<Outcome> outcomes = new ArrayList<>(edits.size());
        for (Edit edit : edits) {
            outcomes.add(store(lockedHeads.get(edit.notePath()), edit.content(), edit.note()));
        }
        return outcomes;
    }

    private Outcome store(String learnerId, String notePath, byte[] content, Note note) {
        return store(heads.lockOrCreate(learnerId, notePath), content, note);
    }

    /** Decides one edit against the note's locked head: unchanged, or the next revision with its event. */
    private Outcome store(NoteHead head, byte[] content, Note note) {
        String sha256 = Tokens.sha256Hex(content);
        if (!head.deleted && sha256.equals(head.contentSha256)) {
            return new Unchanged(head.revision);
        }
        Accepted accepted = advance(head, content, sha256);
        outbox.add(Topics.NOTES, head.key.learnerId(), new NoteRevised(accepted.eventId(), head.updatedAt, NoteRevised.SCHEMA_VERSION,
                head.key.learnerId(), head.key.notePath(), accepted.revision(), sha256, note));
        return accepted;
    }

    @Transactional
    public Accepted delete(String learnerId, String notePath) {
        refuseErased(learnerId);
        NoteHead head = heads.lockExisting(learnerId, notePath)
                .filter(h -> !h.deleted)
                .orElseThrow(() -> ApiException.notFound("unknown note", "no note at '" + notePath + "'"));
        Accepted accepted = advance(head, null, null);
        outbox.add(Topics.NOTES, learnerId, new NoteDeleted(accepted.eventId(), head.updatedAt, NoteDeleted.SCHEMA_VERSION,
                learnerId, notePath, accepted.revision()));
        return accepted;
    }

    /** Takes the learner's lock; an edit that raced the learner's erasure stores nothing (the token is gone: 401). */
    private void refuseErased(String learnerId) {
        if (erasures.lockAndCheckErased(learnerId)) {
            throw ApiException.unauthorized();
        }
    }

    /** Records the next revision of the note (null content: a delete) and moves its head there. */
    private Accepted advance(NoteHead head, byte[] content, String sha256) {
        Instant now = Instant.now();
        long revision = head.revision + 1;
        UUID eventId = UUID.randomUUID();
        NoteRevision entry = new NoteRevision();
        entry.key = new NoteRevision.RevisionKey(head.key.learnerId(), head.key.notePath(), revision);
        entry.eventId = eventId;
        entry.content = content;
        entry.contentSha256 = sha256;
        entry.acceptedAt = now;
        revisions.persist(entry);
        head.revision = revision;
        head.contentSha256 = sha256;
        head.deleted = content == null;
        head.updatedAt = now;
        return new Accepted(revision, eventId);
    }
}
