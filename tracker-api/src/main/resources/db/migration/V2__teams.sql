-- Teams and their members; tracker-api owns them (issue 6). A membership is 'invited' until the
-- learner accepts the owner's invitation, then 'member'; an admin adds members directly.
CREATE TABLE team (
    team_id    text        PRIMARY KEY,
    name       text        NOT NULL,
    course_id  text        NOT NULL,
    owner_id   text        NOT NULL, -- a learner; not a member unless added
    created_at timestamptz NOT NULL
);
CREATE INDEX team_by_owner ON team (owner_id);

CREATE TABLE team_member (
    team_id    text        NOT NULL REFERENCES team (team_id) ON DELETE CASCADE,
    learner_id text        NOT NULL REFERENCES learner (learner_id) ON DELETE CASCADE,
    state      text        NOT NULL CHECK (state IN ('invited', 'member')),
    since      timestamptz NOT NULL,
    PRIMARY KEY (team_id, learner_id)
);
CREATE INDEX team_member_by_learner ON team_member (learner_id);
