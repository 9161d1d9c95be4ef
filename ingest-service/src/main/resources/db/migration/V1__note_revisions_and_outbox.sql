-- The latest revision of every note: one row per (learner, note), locked while a new revision is decided.
CREATE TABLE note_head (
    learner_id     text        NOT NULL,
    note_path      text        NOT NULL,
    revision       bigint      NOT NULL,
    content_sha256 text,
    deleted        boolean     NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (learner_id, note_path)
);

-- Every accepted edit and delete, with the note's bytes: the durable record behind each 2xx.
CREATE TABLE note_revision (
    learner_id     text        NOT NULL,
    note_path      text        NOT NULL,
    revision       bigint      NOT NULL,
    event_id       uuid        NOT NULL UNIQUE,
    content        bytea,
    content_sha256 text,
    accepted_at    timestamptz NOT NULL,
    PRIMARY KEY (learner_id, note_path, revision)
);

-- Events written in the same transaction as the revision, relayed to Kafka in id order.
CREATE TABLE outbox (
    id          bigserial   PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL
);
