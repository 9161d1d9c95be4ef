-- V7: lesson_mention ids from a pooled sequence (LessonMentionRow, allocationSize 50).
--
-- With IDENTITY, Hibernate inserts each mention on its own to read its id back; with a sequence that
-- steps by 50 it takes one value per 50 rows and sends the inserts in JDBC batches. The column keeps
-- its default, so an insert without an id still gets a fresh one (leaving a gap, which nothing reads).
ALTER SEQUENCE lesson_mention_id_seq INCREMENT BY 50;
