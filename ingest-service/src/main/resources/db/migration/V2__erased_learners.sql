-- Learners erased through learners.events.v1 (a tombstone): their id and when, no personal data.
-- An edit that was already past the token check when the tombstone arrived finds the id here and stores nothing.
CREATE TABLE erased_learner (
    learner_id text        PRIMARY KEY,
    erased_at  timestamptz NOT NULL
);
