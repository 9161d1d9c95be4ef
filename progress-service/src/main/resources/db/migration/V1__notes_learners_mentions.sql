-- What progress-service knows of each learner, from the learners topic.
CREATE TABLE learner (
    learner_id         text        PRIMARY KEY,
    timezone           text        NOT NULL,
    courses            text        NOT NULL, -- JSON array of course ids
    rest_days_per_week integer     NOT NULL,
    updated_at         timestamptz NOT NULL
);

-- The latest revision of every note as applied; a deleted note keeps its row so a late, older
-- revision cannot bring it back.
CREATE TABLE note (
    learner_id  text        NOT NULL,
    note_path   text        NOT NULL,
    revision    bigint      NOT NULL,
    deleted     boolean     NOT NULL,
    study_date  date,
    active      boolean     NOT NULL,
    tasks_done  integer     NOT NULL,
    body        text,       -- the note object as JSON
    applied_at  timestamptz NOT NULL,
    PRIMARY KEY (learner_id, note_path)
);
CREATE INDEX note_by_learner_date ON note (learner_id, study_date) WHERE NOT deleted;

-- One row per lesson activity a live note's task mentions; progress is aggregated from these.
CREATE TABLE lesson_mention (
    id         bigserial PRIMARY KEY,
    learner_id text      NOT NULL,
    note_path  text      NOT NULL,
    course_id  text      NOT NULL,
    lesson     integer   NOT NULL,
    activity   text,     -- null: the lesson is named without an activity word
    done       boolean   NOT NULL
);
CREATE INDEX lesson_mention_by_note ON lesson_mention (learner_id, note_path);

-- Event ids already applied: a redelivered event changes nothing.
CREATE TABLE processed_event (
    event_id     uuid        PRIMARY KEY,
    processed_at timestamptz NOT NULL
);
