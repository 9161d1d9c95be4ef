-- ProcessedEventPruner deletes ids by age. A B-tree, not BRIN: pruning frees pages that new rows
-- then reuse, so the table's physical order stops following processed_at and BRIN ranges would
-- each span old and new rows.
CREATE INDEX processed_event_by_time ON processed_event (processed_at);
