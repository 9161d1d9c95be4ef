-- ProcessedEventPruner deletes ids by age. Rows arrive in processed_at order, so a BRIN index finds
-- the old ones at a fraction of a B-tree's size and insert cost.
CREATE INDEX processed_event_by_time ON processed_event USING brin (processed_at);
