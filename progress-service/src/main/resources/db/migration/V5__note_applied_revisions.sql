-- How many revisions (edits and deletes) of each note have been applied: an audit figure that the
-- fault suite compares with the revisions ingest-service acknowledged. A duplicate or replayed event
-- never counts. Notes applied before this migration start at 1 (their current revision); earlier
-- history is not known here.
ALTER TABLE note ADD COLUMN applied_revisions integer NOT NULL DEFAULT 1;
ALTER TABLE note ALTER COLUMN applied_revisions SET DEFAULT 0;
