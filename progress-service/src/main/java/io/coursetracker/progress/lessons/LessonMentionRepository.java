package io.coursetracker.progress.lessons;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class LessonMentionRepository implements PanacheRepository<LessonMentionRow> {

    public void replaceForNote(String learnerId, String notePath, List<LessonMentionRow> rows) {
        delete("learnerId = ?1 AND notePath = ?2", learnerId, notePath);
        persist(rows);
    }

    public List<LessonMentionRow> ofLearner(String learnerId) {
        return list("learnerId", learnerId);
    }
}
