package io.coursetracker.tracker.learners;

import java.time.ZoneId;
import java.util.Set;

/** Rules a learner's settings follow, the same at creation and on every change. */
final class LearnerRules {
    static final int MAX_DISPLAY_NAME = 100;
    /** Region ids of the tz database ("Europe/Berlin", "UTC"); offsets such as "+02:00" have no daylight rules. */
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private LearnerRules() {
    }

    static boolean isTimezone(String timezone) {
        return timezone != null && ZONES.contains(timezone);
    }

    static boolean isRestDays(int restDays) {
        return restDays >= 0 && restDays <= 3;
    }
}
