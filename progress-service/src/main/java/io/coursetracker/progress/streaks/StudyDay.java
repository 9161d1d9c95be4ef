package io.coursetracker.progress.streaks;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One calendar day (in the learner's zone) that has at least one daily note. Several notes of the
 * same date are one study day: active if any of them is, their checked tasks summed.
 */
public record StudyDay(LocalDate date, boolean active, int tasksDone) {
    public StudyDay {
        Objects.requireNonNull(date, "date");
        if (tasksDone < 0) {
            throw new IllegalArgumentException("tasksDone must not be negative: " + tasksDone);
        }
    }
}
