-- The investment ledger at scale, continued (issue 17). An evaluation with
-- ledger indicators reads the whole ledger as of its run's revision: with
-- 100,000 projects and 1,000,000 funds rows, seconds of reading rows. Every
-- change of the ledger (an import, a verification, a settlement) already
-- holds the whole current ledger in its transaction; it stores it here, as
-- one compact value (invest_ledger_snapshot.go, format 1), under its
-- revision, replacing the one before: the first read of the ledger as of
-- the latest revision decodes one value instead of a million rows. Older
-- revisions are read from the rows as before. Derived data: not in backups.
-- migrations/postgres/0023 is the same schema in PostgreSQL's words; there
-- the funds rows' revisions are also checked per statement.
CREATE TABLE invest_ledger_snapshots (
	revision_id BIGINT PRIMARY KEY REFERENCES revisions (id),
	format      INTEGER NOT NULL,
	data        BLOB NOT NULL
);
