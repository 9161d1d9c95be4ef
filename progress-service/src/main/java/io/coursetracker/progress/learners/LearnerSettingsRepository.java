package io.coursetracker.progress.learners;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.catalog.BundledCatalogs;
import io.coursetracker.contracts.events.LearnerEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class LearnerSettingsRepository implements PanacheRepositoryBase<LearnerSettings, String> {
    private static final TypeReference<List<String>> COURSE_IDS = new TypeReference<>() {
    };
    private final ObjectMapper json;

    public LearnerSettingsRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Stores the learner's state from any learner event (each carries all of it). Returns whether the
     * courses the learner follows changed, a learner new to this service included: then the
     * learner's notes must be resolved again.
     */
    public boolean save(LearnerEvent event) {
        Optional<LearnerSettings> existing = findByIdOptional(event.learnerId());
        boolean coursesChanged = existing.map(s -> !read(s.courses).equals(event.courses())).orElse(true);
        LearnerSettings settings = existing.orElseGet(LearnerSettings::new);
        settings.learnerId = event.learnerId();
        settings.timezone = event.timezone();
        settings.restDaysPerWeek = event.restDaysPerWeek();
        settings.updatedAt = Instant.now();
        try {
            settings.courses = json.writeValueAsString(event.courses());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        persist(settings);
        return coursesChanged;
    }

    /**
     * The courses the learner follows. Until progress-service has heard of the learner (the learners
     * and notes topics are read independently), the platform's default course.
     */
    public List<String> coursesOf(String learnerId) {
        return findByIdOptional(learnerId).map(settings -> read(settings.courses))
                .orElse(List.of(BundledCatalogs.FASTAI_PART1_2022));
    }

    /** The learners who follow the course. */
    @SuppressWarnings("unchecked")
    public List<String> followersOf(String courseId) {
        // courses is a JSON array in a text column: jsonb containment finds the id as a whole element.
        return getEntityManager().createNativeQuery(
                        "SELECT learner_id FROM learner WHERE courses::jsonb @> jsonb_build_array(CAST(?1 AS text)) ORDER BY learner_id")
                .setParameter(1, courseId)
                .getResultList();
    }

    private List<String> read(String courses) {
        try {
            return json.readValue(courses, COURSE_IDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The learner's time zone: whose "today" a read without {@code asOf} means. UTC until known. */
    public ZoneId zoneOf(String learnerId) {
        return findByIdOptional(learnerId).map(settings -> ZoneId.of(settings.timezone)).orElse(ZoneOffset.UTC);
    }

    /** How many missed days per ISO week keep the learner's streak alive; 0 until known. */
    public int restDaysPerWeekOf(String learnerId) {
        return findByIdOptional(learnerId).map(settings -> settings.restDaysPerWeek).orElse(0);
    }
}
