-- Learners erased through learners.events.v1 (a tombstone): their id and when, no personal data.
-- Note events of an erased learner can still arrive (ingest's outbox, the notes topic's retention);
-- they are ignored, so nothing is created again after an erasure.
CREATE TABLE erased_learner (
    learner_id text        PRIMARY KEY,
    erased_at  timestamptz NOT NULL
);
