package io.coursetracker.tracker.web;

import io.coursetracker.tracker.learners.LearnerTokenReplaced;
import io.coursetracker.support.security.Caller;
import io.coursetracker.support.security.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sessions of the web page. The browser holds a random session id (256 bits, {@link Tokens#newToken})
 * in an HttpOnly cookie; the database holds only its SHA-256, so a copy of the table signs nobody in.
 * A session expires {@link WebConfig#sessionTtl()} after its last use; signing out deletes it.
 */
@ApplicationScoped
public class WebSessions {
    /** Moving the expiry on every request would write on every read; once a minute is enough. */
    private static final Duration SLIDE_STEP = Duration.ofMinutes(1);

    private final WebSessionRepository sessions;
    private final Duration ttl;

    public WebSessions(WebSessionRepository sessions, WebConfig config) {
        this.sessions = sessions;
        this.ttl = config.sessionTtl();
    }

    /** Opens a session for a caller who has just shown a valid token; answers the id to put in the cookie. */
    @Transactional
    public String open(Caller caller) {
        Instant now = Instant.now();
        sessions.deleteExpired(now);
        String sessionId = Tokens.newToken();
        WebSession session = new WebSession();
        session.sessionSha256 = Tokens.sha256(sessionId);
        session.admin = caller.isAdmin();
        session.learnerId = caller instanceof Caller.Learner learner ? learner.learnerId() : null;
        session.createdAt = now;
        session.expiresAt = now.plus(ttl);
        sessions.persist(session);
        return sessionId;
    }

    /**
     * The caller of a live session, moving its expiry ahead; empty for an unknown or expired id (which
     * is deleted). Its own transaction, so that a request refused afterwards does not undo either.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Caller> resume(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        WebSession session = sessions.findById(Tokens.sha256(sessionId));
        if (session == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (!session.expiresAt.isAfter(now)) {
            sessions.delete(session);
            return Optional.empty();
        }
        if (session.expiresAt.isBefore(now.plus(ttl).minus(SLIDE_STEP))) {
            session.expiresAt = now.plus(ttl);
        }
        return Optional.of(session.admin ? new Caller.Admin() : new Caller.Learner(session.learnerId));
    }

    /** Signs the session out; unknown ids are ignored. */
    @Transactional
    public void close(String sessionId) {
        if (sessionId != null && !sessionId.isBlank()) {
            sessions.deleteById(Tokens.sha256(sessionId));
        }
    }

    /** Signs every browser of a learner out, e.g. when the learner's token is replaced or erased. */
    @Transactional
    public long closeAllFor(String learnerId) {
        return sessions.deleteForLearner(learnerId);
    }

    /** A rotated token ends the sessions signed in with the old one, in the rotating transaction. */
    void tokenReplaced(@Observes LearnerTokenReplaced replaced) {
        closeAllFor(replaced.learnerId());
    }
}
