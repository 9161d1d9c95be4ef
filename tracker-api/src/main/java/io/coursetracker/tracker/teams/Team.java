package io.coursetracker.tracker.teams;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "team")
public class Team {
    @Id
    @Column(name = "team_id")
    public String teamId;
    public String name;
    @Column(name = "course_id")
    public String courseId;
    @Column(name = "owner_id")
    public String ownerId;
    @Column(name = "created_at")
    public Instant createdAt;
}
