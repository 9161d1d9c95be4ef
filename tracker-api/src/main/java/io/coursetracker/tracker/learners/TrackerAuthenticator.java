package io.coursetracker.tracker.learners;

import io.coursetracker.support.security.AdminToken;
import io.coursetracker.support.security.Caller;
import io.coursetracker.support.security.Tokens;
import io.coursetracker.support.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** tracker-api owns the learners, so it checks tokens against its own table. */
@ApplicationScoped
public class TrackerAuthenticator {
    private final AdminToken adminToken;
    private final LearnerRepository learners;

    public TrackerAuthenticator(AdminToken adminToken, LearnerRepository learners) {
        this.adminToken = adminToken;
        this.learners = learners;
    }

    @Transactional
    public Caller authenticate(String authorizationHeader) {
        String token = Tokens.fromAuthorizationHeader(authorizationHeader).orElseThrow(ApiException::unauthorized);
        if (adminToken.matches(token)) {
            return new Caller.Admin();
        }
        return learners.findByTokenHash(Tokens.sha256(token))
                .<Caller>map(learner -> new Caller.Learner(learner.learnerId))
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
    @Transactional
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
