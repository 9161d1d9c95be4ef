package io.coursetracker.support.security;

import io.coursetracker.support.learners.LearnerDirectory;
import io.coursetracker.support.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns an Authorization header into a {@link Caller} for services that know learners from the learners topic. */
@ApplicationScoped
public class Authenticator {
    private final AdminToken adminToken;
    private final LearnerDirectory directory;

    public Authenticator(AdminToken adminToken, LearnerDirectory directory) {
        this.adminToken = adminToken;
        this.directory = directory;
    }

    /** The caller, or 401 for a missing or unknown token. */
    public Caller authenticate(String authorizationHeader) {
        String token = Tokens.fromAuthorizationHeader(authorizationHeader).orElseThrow(ApiException::unauthorized);
        if (adminToken.matches(token)) {
            return new Caller.Admin();
        }
        return directory.learnerForTokenHash(Tokens.sha256(token))
                .<Caller>map(Caller.Learner::new)
                .orElseThrow(ApiException::unauthorized);
    }

    /**
     * The caller if it may act for {@code learnerId}: 401/403 otherwise, the same whether or not the
     * learner exists; an admin asking for an unknown learner gets a 404 naming it, but only once the
     * directory has caught up with the learners topic (tracker-api reads as the admin for every
     * learner, a new one included).
     */
    public Caller authorizeFor(String authorizationHeader, String learnerId) {
        Caller caller = authenticate(authorizationHeader);
        if (!caller.mayActFor(learnerId)) {
            throw ApiException.forbidden();
        }
        if (caller.isAdmin() && directory.learnerCaughtUp(learnerId).isEmpty()) {
            throw ApiException.notFound("unknown learner", "no learner '" + learnerId + "'");
        }
        return caller;
    }
}
