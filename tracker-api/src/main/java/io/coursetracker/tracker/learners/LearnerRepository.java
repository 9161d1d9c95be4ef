package io.coursetracker.tracker.learners;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class LearnerRepository implements PanacheRepositoryBase<Learner, String> {
    public Optional<Learner> findByTokenHash(String tokenSha256) {
        return find("tokenSha256", tokenSha256).firstResultOptional();
    }
}
