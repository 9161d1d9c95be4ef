-- Ids of erased learners and when: no personal data. An erased id is never given out again, so
-- no event still in flight for the erased learner (in an outbox, on a topic) can reach a new one.
CREATE TABLE erased_learner (
    learner_id text        PRIMARY KEY,
    erased_at  timestamptz NOT NULL
);
