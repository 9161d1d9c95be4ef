package io.coursetracker.contracts.api;

import java.util.List;

/**
 * A team as {@code GET /v1/teams} and {@code GET /v1/teams/{id}} show it. {@code invited} (learners
 * who have not accepted yet) is shown to the admin and the owner only; to a member it is empty.
 */
public record TeamView(String id, String name, String course, String owner, List<String> members, List<String> invited) {
    public TeamView {
        members = List.copyOf(members);
        invited = List.copyOf(invited);
    }
}
