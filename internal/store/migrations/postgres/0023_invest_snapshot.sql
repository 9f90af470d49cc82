-- The investment ledger at scale, continued (issue 17). An evaluation with
-- ledger indicators reads the whole ledger as of its run's revision: with
-- 100,000 projects and 1,000,000 funds rows, seconds of reading rows. Every
-- change of the ledger (an import, a verification, a settlement) already
-- holds the whole current ledger in its transaction; it stores it here, as
-- one compact value (invest_ledger_snapshot.go, format 1), under its
-- revision, replacing the one before: the first read of the ledger as of
-- the latest revision decodes one value instead of a million rows. Older
-- revisions are read from the rows as before. Derived data: not in backups.
-- migrations/sqlite/0023 is the same schema in SQLite's words, but for the
-- check of the funds rows' revisions below.
CREATE TABLE invest_ledger_snapshots (
	revision_id BIGINT PRIMARY KEY REFERENCES revisions (id),
	format      INTEGER NOT NULL,
	data        BYTEA NOT NULL
);

-- A funds row's revisions are checked once per statement instead of once
-- per row: PostgreSQL's foreign keys run a lookup of revisions for each
-- inserted row, 7.6 s of a 1,000,000-row import's 18 s. Revisions are
-- append-only (revisions_append_only), so checking the referring side
-- suffices: after each INSERT, COPY or UPDATE of invest_funds, one
-- anti-join of its new rows with revisions, failing as a foreign key
-- does (SQLite keeps its foreign keys, whose lookups cost it little).
ALTER TABLE invest_funds DROP CONSTRAINT invest_funds_revision_id_fkey;
ALTER TABLE invest_funds DROP CONSTRAINT invest_funds_superseded_by_fkey;
CREATE FUNCTION qx_invest_funds_revisions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.id = n.revision_id)
		OR (n.superseded_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.id = n.superseded_by))) THEN
		RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
			MESSAGE = 'qiangxian: invest_funds names a revision that does not exist';
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER invest_funds_revisions_insert AFTER INSERT ON invest_funds REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION qx_invest_funds_revisions();
CREATE TRIGGER invest_funds_revisions_update AFTER UPDATE ON invest_funds REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION qx_invest_funds_revisions();

-- The ledger's search index (invest_search.go): the distinct trigrams of
-- each current project's search text padded with two unit separators, none
-- starting with one, kept by the imports and settlements; a search reads
-- the projects of its rarest trigram (or, for one or two characters, of
-- the trigrams starting with them: a range in byte order, hence COLLATE
-- "C", SQLite's order) and verifies them with instr. Derived data: not in
-- backups, rebuilt by a restore.
CREATE TABLE invest_search_grams (
	gram       TEXT COLLATE "C" NOT NULL,
	project_id TEXT NOT NULL,
	PRIMARY KEY (gram, project_id)
);
INSERT INTO invest_search_grams (gram, project_id)
WITH RECURSIVE w (project_id, s, i) AS (
	SELECT project_id, search || chr(31) || chr(31), 1 FROM invest_projects WHERE superseded_by IS NULL
	UNION ALL SELECT project_id, s, i + 1 FROM w WHERE i + 3 <= length(s))
SELECT DISTINCT substr(s, i, 3), project_id FROM w WHERE substr(s, i, 1) <> chr(31);

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
