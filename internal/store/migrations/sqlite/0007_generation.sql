-- The change generation: one counter that every committed change of record
-- increments (DB.change, last statement before COMMIT), so that a server
-- can tell with one tiny read whether anything it keeps in memory (pages,
-- API tokens) may have changed, on whichever replica the change was made.
CREATE TABLE generations (
	name TEXT PRIMARY KEY,
	n    BIGINT NOT NULL
);
INSERT INTO generations (name, n) VALUES ('changes', 0);
