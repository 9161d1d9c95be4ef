package io.coursetracker.tracker.learners;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which learner a token (by its hash) belonged to a moment ago. Every request is authenticated, and
 * looking the hash up in PostgreSQL was half of tracker-api's CPU per dashboard read at 500 reads/s
 * (async-profiler). Only tokens that were found are kept, for {@code tracker.auth.token-cache-ttl}.
 *
 * <p>A rotated token or an erased learner is forgotten by this replica as soon as that change commits
 * (a lookup that raced the commit can put the old answer back, for at most the TTL); another replica
 * forgets it when its entry expires. So a replaced token is refused everywhere within the TTL, well
 * inside the second the spec allows.
 */
@ApplicationScoped
public class TokenCache {
    private final Cache<String, String> learnerByTokenHash;

    public TokenCache(@ConfigProperty(name = "tracker.auth.token-cache-ttl", defaultValue = "PT0.25S") Duration ttl) {
        this.learnerByTokenHash = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(ttl)
                .build();
    }

    /** The learner whose token has this hash: from the cache, or from {@code lookup} (kept when found). */
    public Optional<String> learnerFor(String tokenSha256, Function<String, Optional<String>> lookup) {
        String cached = learnerByTokenHash.getIfPresent(tokenSha256);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> found = lookup.apply(tokenSha256);
        found.ifPresent(learnerId -> learnerByTokenHash.put(tokenSha256, learnerId));
        return found;
    }

    void tokenReplaced(@Observes(during = TransactionPhase.AFTER_SUCCESS) LearnerTokenReplaced replaced) {
        forget(replaced.learnerId());
    }

    void learnerErased(@Observes(during = TransactionPhase.AFTER_SUCCESS) LearnerErased erased) {
        forget(erased.learnerId());
    }

    private void forget(String learnerId) {
        learnerByTokenHash.asMap().values().removeIf(learnerId::equals);
    }
}
