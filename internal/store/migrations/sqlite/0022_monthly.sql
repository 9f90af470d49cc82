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

-- The ledger at scale (issue 17: every page and API query < 100 ms with
-- 100,000 projects and 1,000,000 funds rows). A search reads one
-- precomputed text per project (项目编号, name, investor, ASCII letters
-- lowered, joined by the unit separator) through a covering index instead
-- of three LIKEs over the table's rows.
ALTER TABLE invest_projects ADD COLUMN search TEXT NOT NULL DEFAULT '';
UPDATE invest_projects SET search = lower(project_id || char(31) || name || char(31) || investor);
CREATE INDEX invest_projects_search ON invest_projects (search, stage, county, project_id, superseded_by)
	WHERE superseded_by IS NULL;

-- Each project's counted funds (rule 3, less verified reductions) and the
-- sum of its current funds rows, kept by every change that moves them
-- (invest_project_funds.go): a page reads one row per project, the
-- over-funded filter compares it with the contract's amount.
CREATE TABLE invest_project_funds (
	project_id TEXT PRIMARY KEY,
	counted    BIGINT NOT NULL,
	total      BIGINT NOT NULL
);
INSERT INTO invest_project_funds (project_id, counted, total)
SELECT project_id, SUM(counted), SUM(total) FROM (
	SELECT project_id, CASE WHEN evidence <> '' AND source IN ('股东出资', '企业自有', '外地金融机构') THEN amount ELSE 0 END AS counted,
		amount AS total FROM invest_funds WHERE superseded_by IS NULL
	UNION ALL
	SELECT project_id, -reduction, 0 FROM invest_verifications) x
GROUP BY project_id;

-- The latest revision that changed the ledger up to a given one (the key
-- under which the store keeps a ledger read as of a revision) is read
-- through this index and invest_funds_revision.
CREATE INDEX invest_projects_revision ON invest_projects (revision_id);

-- A county's or a prefecture's page (a range of counties, a year, the
-- stages shown, the over-funded filter's amount) reads this index alone.
DROP INDEX invest_projects_county;
CREATE INDEX invest_projects_county ON invest_projects (county, signed, stage, amount, project_id, superseded_by)
	WHERE superseded_by IS NULL;
