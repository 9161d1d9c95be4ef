package io.coursetracker.progress.lessons;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class LessonMentionRepository implements PanacheRepository<LessonMentionRow> {

    public void replaceForNote(String learnerId, String notePath, List<LessonMentionRow> rows) {
        delete("learnerId = ?1 AND notePath = ?2", learnerId, notePath);
        persist(rows);
    }

    public List<LessonMentionRow> ofLearner(String learnerId) {
        return list("learnerId", learnerId);
    }

    public List<LessonMentionRow> ofNote(String learnerId, String notePath) {
        return list("learnerId = ?1 AND notePath = ?2", learnerId, notePath);
    }

    /** The learner's mentions of the given lessons, from every live note. */
    public List<LessonMentionRow> ofLessons(String learnerId, Collection<LessonKey> lessons) {
        if (lessons.isEmpty()) {
            return List.of();
        }
        Set<String> courses = lessons.stream().map(LessonKey::course).collect(Collectors.toSet());
        Set<Integer> numbers = lessons.stream().map(LessonKey::lesson).collect(Collectors.toSet());
        return list("learnerId = ?1 AND courseId IN ?2 AND lesson IN ?3", learnerId, courses, numbers).stream()
                .filter(row -> lessons.contains(new LessonKey(row.courseId, row.lesson)))
                .toList();
    }
}
