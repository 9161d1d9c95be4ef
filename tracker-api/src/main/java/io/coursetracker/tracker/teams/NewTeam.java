package io.coursetracker.tracker.teams;

/** Body of {@code POST /v1/teams}; {@code name} defaults to the id. */
public record NewTeam(String id, String name, String course, String owner) {
}
