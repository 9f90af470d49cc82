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

-- The ledger's search index (invest_search.go): the distinct trigrams of
-- each current project's search text padded with two unit separators, none
-- starting with one, kept by the imports and settlements; a search reads
-- the projects of its rarest trigram (or, for one or two characters, of
-- the trigrams starting with them) and verifies them with instr. Derived
-- data: not in backups, rebuilt by a restore.
CREATE TABLE invest_search_grams (
	gram       TEXT NOT NULL,
	project_id TEXT NOT NULL,
	PRIMARY KEY (gram, project_id)
) WITHOUT ROWID;
INSERT INTO invest_search_grams (gram, project_id)
WITH RECURSIVE w (project_id, s, i) AS (
	SELECT project_id, search || char(31) || char(31), 1 FROM invest_projects WHERE superseded_by IS NULL
	UNION ALL SELECT project_id, s, i + 1 FROM w WHERE i + 3 <= length(s))
SELECT DISTINCT substr(s, i, 3), project_id FROM w WHERE substr(s, i, 1) <> char(31);

-- The current projects counted by county, stage and year of signing
-- (invest_counts.go), rebuilt by every change of the projects: the ledger
-- page's count without a search sums these rows. Derived data: not in
-- backups, rebuilt by a restore.
CREATE TABLE invest_project_counts (
	county      TEXT NOT NULL,
	stage       TEXT NOT NULL,
	signed_year INTEGER NOT NULL,
	projects    INTEGER NOT NULL,
	PRIMARY KEY (county, stage, signed_year)
);
INSERT INTO invest_project_counts (county, stage, signed_year, projects)
SELECT county, stage, signed / 10000, COUNT(*) FROM invest_projects WHERE superseded_by IS NULL
GROUP BY county, stage, signed / 10000;
