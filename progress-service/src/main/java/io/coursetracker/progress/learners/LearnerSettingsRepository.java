package io.coursetracker.progress.learners;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursetracker.contracts.catalog.BundledCatalogs;
import io.coursetracker.contracts.events.LearnerRegistered;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

@ApplicationScoped
public class LearnerSettingsRepository implements PanacheRepositoryBase<LearnerSettings, String> {
    private static final TypeReference<List<String>> COURSE_IDS = new TypeReference<>() {
    };
    private final ObjectMapper json;

    public LearnerSettingsRepository(ObjectMapper json) {
        this.json = json;
    }

    public void save(LearnerRegistered registered) {
        LearnerSettings settings = findByIdOptional(registered.learnerId()).orElseGet(LearnerSettings::new);
        settings.learnerId = registered.learnerId();
        settings.timezone = registered.timezone();
        settings.restDaysPerWeek = registered.restDaysPerWeek();
        settings.updatedAt = Instant.now();
        try {
            settings.courses = json.writeValueAsString(registered.courses());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        persist(settings);
    }

    /**
     * The courses the learner follows. Until progress-service has heard of the learner (the learners
     * and notes topics are read independently), the platform's default course.
     */
    public List<String> coursesOf(String learnerId) {
        return findByIdOptional(learnerId).map(settings -> {
            try {
                return json.readValue(settings.courses, COURSE_IDS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).orElse(List.of(BundledCatalogs.FASTAI_PART1_2022));
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
