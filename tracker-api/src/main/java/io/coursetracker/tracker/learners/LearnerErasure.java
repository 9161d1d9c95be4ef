package io.coursetracker.tracker.learners;

import io.coursetracker.support.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Erases a learner ({@code DELETE /v1/learners/{id}}). In one transaction: the row is locked and
 * deleted, the id is remembered in {@code erased_learner} (never given out again), every observer of
 * {@link LearnerErased} deletes its rows (team memberships), and a tombstone for the learner's key is
 * acknowledged on {@code learners.events.v1}; only then does the transaction commit. From the
 * tombstone, ingest-service deletes the learner's notes and revisions and progress-service their
 * progress; compaction then drops every earlier record of the learner, token hashes included.
 */
@ApplicationScoped
public class LearnerErasure {
    private final LearnerRepository learners;
    private final ErasedLearnerRepository erased;
    private final Event<LearnerErased> erasures;
    private final LearnerEventLog log;

    public LearnerErasure(LearnerRepository learners, ErasedLearnerRepository erased, Event<LearnerErased> erasures,
                          LearnerEventLog log) {
        this.learners = learners;
        this.erased = erased;
        this.erasures = erasures;
        this.log = log;
    }

    @Transactional
    public void erase(String learnerId) {
        Learner learner = learners.findByIdOptional(learnerId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("unknown learner", "no learner '" + learnerId + "'"));
        erasures.fire(new LearnerErased(learnerId));
        learners.delete(learner);
        ErasedLearner record = new ErasedLearner();
        record.learnerId = learnerId;
        record.erasedAt = Instant.now();
        erased.persist(record);
        learners.flush();
        log.publishTombstone(learnerId, "learner not erased");
    }

    /** Whether the id belonged to a learner who was erased. */
    public boolean wasErased(String learnerId) {
        return erased.findByIdOptional(learnerId).isPresent();
    }
}
