package io.coursetracker.tracker.live;

import io.coursetracker.support.security.Caller;
import io.coursetracker.support.web.ApiException;
import io.coursetracker.tracker.learners.LearnerRepository;
import io.coursetracker.tracker.learners.TrackerAuthenticator;
import io.coursetracker.tracker.teams.Team;
import io.coursetracker.tracker.teams.Teams;
import io.coursetracker.tracker.web.BrowserRequest;
import io.coursetracker.tracker.web.WebSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who may read a live stream, asked when it opens and again every {@code tracker.live.recheck} for
 * as long as it is open ({@link LiveStreams}). Each answer is read from the database (through
 * {@code TokenCache} for tokens) by the same checks as every other request: a bearer header by
 * {@link TrackerAuthenticator#authenticateToken}, or when there is none the session cookie by
 * {@link WebSessions#resume}, exactly as {@link TrackerAuthenticator#authenticate} decides. A stream
 * keeps what its request showed ({@link Credential}), since a re-check runs outside any request.
 */
@ApplicationScoped
public class StreamRights {
    private final TrackerAuthenticator authenticator;
    private final WebSessions sessions;
    private final BrowserRequest browser;
    private final LearnerRepository learners;
    private final Teams teams;

    public StreamRights(TrackerAuthenticator authenticator, WebSessions sessions, BrowserRequest browser, LearnerRepository learners,
                        Teams teams) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.browser = browser;
        this.learners = learners;
        this.teams = teams;
    }

    /** What a stream's request showed of its caller: its bearer header, or else its session cookie's id. */
    public record Credential(String authorization, String sessionId) {
        @Override
        public String toString() {
            return authorization != null ? "bearer" : sessionId != null ? "session" : "none";
        }
    }

    /** The credential of the current request. */
    public Credential ofCurrentRequest(String authorizationHeader) {
        return new Credential(authorizationHeader, authorizationHeader == null ? browser.sessionId().orElse(null) : null);
    }

    /** The learner's stream: the learner or an admin (an admin's ends when the learner is erased); 401/403/404 otherwise. */
    @Transactional
    public Set<String> learnerStream(Credential credential, String learnerId) {
        Caller caller = caller(credential);
        if (!caller.mayActFor(learnerId)) {
            throw ApiException.forbidden();
        }
        if (caller.isAdmin() && learners.findByIdOptional(learnerId).isEmpty()) {
            throw ApiException.notFound("unknown learner", "no learner '" + learnerId + "'");
        }
        return Set.of(learnerId);
    }

    /** The team's stream: its members, its owner and an admin (the dashboard's rule); the members it follows now. */
    @Transactional
    public Set<String> teamStream(Credential credential, String teamId) {
        Team team = teams.forDashboard(caller(credential), teamId);
        return new LinkedHashSet<>(teams.membersOf(team.teamId));
    }

    private Caller caller(Credential credential) {
        if (credential.authorization() != null) {
            return authenticator.authenticateToken(credential.authorization());
        }
        if (credential.sessionId() == null) {
            throw ApiException.unauthorized();
        }
        return sessions.resume(credential.sessionId()).orElseThrow(ApiException::unauthorized);
    }
}
