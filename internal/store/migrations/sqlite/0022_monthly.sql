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

-- Settled duplicates of the investment ledger (issue 17): the project
-- counted once at its location, the other report's 项目编号 (the same one
-- when one 项目编号 was reported by two places), the referrer credited,
-- and the revision that changed the ledger (NULL when nothing changed).
CREATE TABLE invest_settlements (
	id           INTEGER PRIMARY KEY,
	kept_id      TEXT NOT NULL,
	duplicate_id TEXT NOT NULL,
	location     TEXT NOT NULL,
	referrer     TEXT NOT NULL CHECK (referrer <> location),
	reason       TEXT NOT NULL CHECK (reason <> ''),
	revision_id  BIGINT REFERENCES revisions (id),
	settled_at   TIMESTAMP NOT NULL,
	settled_by   TEXT NOT NULL
);
CREATE INDEX invest_settlements_kept ON invest_settlements (kept_id, duplicate_id);
