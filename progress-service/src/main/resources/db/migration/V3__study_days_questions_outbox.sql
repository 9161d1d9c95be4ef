-- V3 (V2 is the catalogs migration, written alongside).

-- One row per learner and calendar day that has at least one live daily note: what streaks and the
-- calendar read, so their cost grows with study days, not with notes or revisions.
CREATE TABLE study_day (
    learner_id   text    NOT NULL,
    study_date   date    NOT NULL,
    notes        integer NOT NULL,
    active_notes integer NOT NULL,
    tasks_done   integer NOT NULL,
    PRIMARY KEY (learner_id, study_date)
);
INSERT INTO study_day (learner_id, study_date, notes, active_notes, tasks_done)
SELECT learner_id, study_date, count(*), count(*) FILTER (WHERE active), sum(tasks_done)
FROM note
WHERE NOT deleted AND study_date IS NOT NULL
GROUP BY learner_id, study_date;

-- Every question of every live note, in the note's order; merged across notes when read.
CREATE TABLE note_question (
    learner_id    text    NOT NULL,
    note_path     text    NOT NULL,
    position      integer NOT NULL,
    study_date    date,
    text          text    NOT NULL,
    answered      boolean NOT NULL,
    sub_questions text    NOT NULL, -- JSON array of strings
    PRIMARY KEY (learner_id, note_path, position)
);
INSERT INTO note_question (learner_id, note_path, position, study_date, text, answered, sub_questions)
SELECT n.learner_id, n.note_path, (q.ord - 1)::integer, n.study_date, q.value ->> 'text',
       coalesce((q.value ->> 'answered')::boolean, false), coalesce(q.value -> 'subQuestions', '[]'::jsonb)::text
FROM note n, jsonb_array_elements(n.body::jsonb -> 'questions') WITH ORDINALITY AS q(value, ord)
WHERE NOT n.deleted AND n.body IS NOT NULL;

-- Lesson status before and after a note changes is read per lesson.
CREATE INDEX lesson_mention_by_lesson ON lesson_mention (learner_id, course_id, lesson);

-- Progress events written in the transaction that applied the note event, relayed to Kafka in id order.
CREATE TABLE outbox (
    id          bigserial   PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL
);
