package io.coursetracker.tracker.learners;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ErasedLearnerRepository implements PanacheRepositoryBase<ErasedLearner, String> {
}
