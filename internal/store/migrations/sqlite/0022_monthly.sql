-- Monitoring figures through the collection tasks (issue 21): each time
-- the office adopts a period's collected figures as its preliminary or
-- final monitoring figures, the revision it read and what it took.
-- migrations/postgres/0022 is the same schema in PostgreSQL's words.
CREATE TABLE monitor_adoptions (
	id          INTEGER PRIMARY KEY,
	year        INTEGER NOT NULL,
	month       INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
	stage       TEXT NOT NULL CHECK (stage IN ('preliminary', 'final')),
	revision_id BIGINT NOT NULL,
	figures     INTEGER NOT NULL,
	objected    INTEGER NOT NULL,
	adopted_at  TIMESTAMP NOT NULL,
	adopted_by  TEXT NOT NULL
);
CREATE INDEX monitor_adoptions_period ON monitor_adoptions (year, month);
