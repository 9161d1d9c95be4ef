package io.coursetracker.tracker.learners;

import io.coursetracker.support.security.AdminToken;
import io.coursetracker.support.security.Caller;
import io.coursetracker.support.security.Tokens;
import io.coursetracker.support.web.ApiException;
import io.coursetracker.tracker.web.BrowserRequest;
import io.coursetracker.tracker.web.WebSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * tracker-api owns the learners, so it checks tokens against its own table. A request without an
 * {@code Authorization} header may instead be signed in by the web page's session cookie, read from
 * the current HTTP request ({@link BrowserRequest}, which also holds the cross-site rules); a bearer
 * header, when sent, always decides alone.
 */
@ApplicationScoped
public class TrackerAuthenticator {
    private final AdminToken adminToken;
    private final LearnerRepository learners;
    private final WebSessions sessions;
    private final BrowserRequest browser;
    private final TokenCache tokens;

    public TrackerAuthenticator(AdminToken adminToken, LearnerRepository learners, WebSessions sessions, BrowserRequest browser,
                                TokenCache tokens) {
        this.tokens = tokens;
        this.adminToken = adminToken;
        this.learners = learners;
        this.sessions = sessions;
        this.browser = browser;
    }

    /**
     * The caller of a bearer header, or when there is none of the session cookie; 401 otherwise.
     * Reads only (a session's sliding expiry is written in its own transaction), so it joins a
     * caller's transaction but starts none: most requests are answered from {@link TokenCache}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Caller authenticate(String authorizationHeader) {
        if (authorizationHeader == null) {
            Caller caller = browser.sessionId().flatMap(sessions::resume).orElseThrow(ApiException::unauthorized);
            browser.requireCsrfProofIfUnsafe();
            return caller;
        }
        return authenticateToken(authorizationHeader);
    }

    /** The caller of a bearer header only, never of a cookie: what signing in checks. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Caller authenticateToken(String authorizationHeader) {
        String token = Tokens.fromAuthorizationHeader(authorizationHeader).orElseThrow(ApiException::unauthorized);
        if (adminToken.matches(token)) {
            return new Caller.Admin();
        }
        return tokens.learnerFor(Tokens.sha256(token), hash -> learners.findByTokenHash(hash).map(learner -> learner.learnerId))
                .<Caller>map(Caller.Learner::new)
                .orElseThrow(ApiException::unauthorized);
    }

    public Caller requireAdmin(String authorizationHeader) {
        Caller caller = authenticate(authorizationHeader);
        if (!caller.isAdmin()) {
            throw ApiException.forbidden();
        }
        return caller;
    }

    /** 401/403 alike whether or not the learner exists; an admin asking for an unknown learner gets a 404 naming it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Caller authorizeFor(String authorizationHeader, String learnerId) {
        Caller caller = authenticate(authorizationHeader);
        if (!caller.mayActFor(learnerId)) {
            throw ApiException.forbidden();
        }
        if (caller.isAdmin() && learners.findByIdOptional(learnerId).isEmpty()) {
            throw ApiException.notFound("unknown learner", "no learner '" + learnerId + "'");
        }
        return caller;
    }
}
