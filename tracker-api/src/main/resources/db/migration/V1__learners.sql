-- Learners and the hash of their token; tracker-api owns these and publishes them on learners.events.v1.
CREATE TABLE learner (
    learner_id         text        PRIMARY KEY,
    display_name       text        NOT NULL,
    timezone           text        NOT NULL,
    courses            text        NOT NULL, -- JSON array of course ids
    rest_days_per_week integer     NOT NULL,
    token_sha256       text        NOT NULL UNIQUE,
    created_at         timestamptz NOT NULL
);
