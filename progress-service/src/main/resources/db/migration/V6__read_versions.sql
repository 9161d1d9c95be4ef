-- V6: read_version counters that move with every change a cached read depends on.
--
-- A counter per learner that moves in the same transaction as any change to the rows the learner's
-- reads are computed from, so a cached read can be checked against it with one primary-key lookup
-- (ReadVersions, DashboardCache). Triggers rather than Java: every writer (note events, erasure,
-- re-resolution after a catalog or course change, batch apply, a replica elsewhere) bumps it
-- without knowing about the cache. Catalogs move every follower's progress: their counter has the
-- key '*catalogs', which no learner id can be (ids are letters, digits, '.', '_', '-').
CREATE TABLE read_version (
    learner_id text   PRIMARY KEY,
    version    bigint NOT NULL
);

-- Statement-level, with transition tables: one upsert per statement whatever the rows it touched;
-- learners in id order, so two transactions touching the same learners lock their rows in one order.
CREATE FUNCTION bump_read_version_of_changed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO read_version AS v (learner_id, version)
    SELECT DISTINCT learner_id, 1 FROM changed_rows ORDER BY learner_id
    ON CONFLICT (learner_id) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END $$;

CREATE FUNCTION bump_read_version_of_catalogs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO read_version AS v (learner_id, version) VALUES ('*catalogs', 1)
    ON CONFLICT (learner_id) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END $$;

-- A transition table can serve one event only: three triggers per table.
CREATE TRIGGER note_inserted AFTER INSERT ON note REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version_of_changed_rows();
CREATE TRIGGER note_updated AFTER UPDATE ON note REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version_of_changed_rows();
CREATE TRIGGER note_deleted AFTER DELETE ON note REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version_of_changed_rows();

CREATE TRIGGER lesson_mention_inserted AFTER INSERT ON lesson_mention REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version_of_changed_rows();
CREATE TRIGGER lesson_mention_updated AFTER UPDATE ON lesson_mention REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version_of_changed_rows();
CREATE TRIGGER lesson_mention_deleted AFTER DELETE ON lesson_mention REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version_of_changed_rows();

CREATE TRIGGER study_day_inserted AFTER INSERT ON study_day REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version_of_changed_rows();
CREATE TRIGGER study_day_updated AFTER UPDATE ON study_day REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version_of_changed_rows();
CREATE TRIGGER study_day_deleted AFTER DELETE ON study_day REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version_of_changed_rows();

CREATE TRIGGER note_question_inserted AFTER INSERT ON note_question REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version_of_changed_rows();
CREATE TRIGGER note_question_updated AFTER UPDATE ON note_question REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version_of_changed_rows();
CREATE TRIGGER note_question_deleted AFTER DELETE ON note_question REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version_of_changed_rows();

CREATE TRIGGER learner_inserted AFTER INSERT ON learner REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version_of_changed_rows();
CREATE TRIGGER learner_updated AFTER UPDATE ON learner REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version_of_changed_rows();
CREATE TRIGGER learner_deleted AFTER DELETE ON learner REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version_of_changed_rows();

CREATE TRIGGER course_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON course_catalog
    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version_of_catalogs();
