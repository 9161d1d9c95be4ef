-- Web page sessions: the cookie holds a random session id; only its SHA-256 is stored here.
-- learner_id is null for an admin's session. expires_at slides forward while the session is used.
CREATE TABLE web_session (
    session_sha256 text        PRIMARY KEY,
    learner_id     text        REFERENCES learner (learner_id) ON DELETE CASCADE,
    admin          boolean     NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    CHECK (admin OR learner_id IS NOT NULL)
);
CREATE INDEX web_session_expires_at ON web_session (expires_at);
