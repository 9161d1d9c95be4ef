package io.coursetracker.progress.streaks;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The learner's study days, kept in step with the note table by {@link #refresh}. Reads are
 * projections, not managed entities, so a read after a refresh in the same transaction sees the
 * refreshed rows.
 */
@ApplicationScoped
public class StudyDayRepository implements PanacheRepositoryBase<StudyDayRow, StudyDayRow.Key> {
    private static final String DAY_PROJECTION =
            "SELECT new io.coursetracker.progress.streaks.StudyDay(d.key.studyDate, d.activeNotes > 0, d.tasksDone) FROM StudyDayRow d ";

    /**
     * Recomputes the given days of the learner from their live daily notes. Called in the
     * transaction that changed a note, with the note's date before and after the change.
     */
    public void refresh(String learnerId, Collection<LocalDate> dates) {
        List<LocalDate> days = dates.stream().filter(Objects::nonNull).distinct().toList();
        if (days.isEmpty()) {
            return;
        }
        getEntityManager().flush();
        // Two statements whatever the number of days: a batch of daily notes touches a day per note.
        getEntityManager().createNativeQuery("DELETE FROM study_day WHERE learner_id = :learner AND study_date IN (:days)")
                .setParameter("learner", learnerId)
                .setParameter("days", days)
                .executeUpdate();
        getEntityManager().createNativeQuery("""
                        INSERT INTO study_day (learner_id, study_date, notes, active_notes, tasks_done)
                        SELECT learner_id, study_date, count(*), count(*) FILTER (WHERE active), sum(tasks_done)
                        FROM note
                        WHERE learner_id = :learner AND study_date IN (:days) AND NOT deleted
                        GROUP BY learner_id, study_date""")
                .setParameter("learner", learnerId)
                .setParameter("days", days)
                .executeUpdate();
    }

    /** Every study day of the learner, oldest first. */
    public List<StudyDay> daysOf(String learnerId) {
        return getEntityManager().createQuery(DAY_PROJECTION + "WHERE d.key.learnerId = :learner ORDER BY d.key.studyDate", StudyDay.class)
                .setParameter("learner", learnerId)
                .getResultList();
    }

    /** Those of the given days that are study days of the learner. */
    public List<StudyDay> daysOf(String learnerId, Collection<LocalDate> dates) {
        List<LocalDate> days = dates.stream().filter(Objects::nonNull).distinct().toList();
        if (days.isEmpty()) {
            return List.of();
        }
        // setParameterList: see LessonMentionRepository.
        return getSession().createSelectionQuery(DAY_PROJECTION + "WHERE d.key.learnerId = :learner AND d.key.studyDate IN :days", StudyDay.class)
                .setParameter("learner", learnerId)
                .setParameterList("days", days)
                .list();
    }
}
