package io.coursetracker.contracts.api;

import java.util.List;

/**
 * A team as {@code GET /v1/teams} and {@code GET /v1/teams/{id}} show it.
 *
 * @param role    the caller's relation to the team: {@code admin}, {@code owner}, {@code member} or
 *                {@code invited} (an owner may be a member too: then {@code owner})
 * @param members the learners who joined; empty to a learner who is only invited
 * @param invited learners invited who have not accepted yet; shown to the admin and the owner only
 */
public record TeamView(String id, String name, String course, String owner, String role, List<String> members, List<String> invited) {
    public TeamView {
        members = List.copyOf(members);
        invited = List.copyOf(invited);
    }
}
