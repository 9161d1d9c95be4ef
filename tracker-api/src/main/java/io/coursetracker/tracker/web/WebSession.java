package io.coursetracker.tracker.web;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A signed-in browser: the SHA-256 of its session id (never the id itself) and whom it acts for. */
@Entity
@Table(name = "web_session")
public class WebSession {
    @Id
    @Column(name = "session_sha256")
    public String sessionSha256;
    /** Null for an admin's session. */
    @Column(name = "learner_id")
    public String learnerId;
    public boolean admin;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
}
