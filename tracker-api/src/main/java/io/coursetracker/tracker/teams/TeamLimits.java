package io.coursetracker.tracker.teams;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How large a team may grow ({@code tracker.teams.members.*}). */
@ConfigMapping(prefix = "tracker.teams.members")
public interface TeamLimits {
    /**
     * At most this many learners are in a team or invited to it, together: 200 by default, more
     * than a study group meets. At most {@code ProgressSummaryRequest.MAX_LEARNERS} (500), the most
     * one summary call to progress-service serves, so that every team's dashboard can be read.
     */
    @WithDefault("200")
    int max();
}
