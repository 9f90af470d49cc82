-- The investment-attraction ledger (issue 16): projects and their capital
-- increases, investors with their shares, stage changes, funds in place, and
-- the grouped facts the metrics query reads. migrations/postgres/0005 is the
-- same schema in PostgreSQL's words.
--
-- Days are stored as the numbers yyyymmdd (0: none) and months as yyyymm, as
-- the invest package counts them, so that the counting rules' comparisons
-- read the same in both dialects; amounts as whole 元 (10^-8 亿元), so that
-- sums are exact.

-- Every imported version of a project; the current one has no
-- superseded_by. An increase (增资) is its own row naming its original in
-- increase_of, with the place and investor it takes from it filled in.
-- origin is the investor's place relative to the county (invest.Origin).
CREATE TABLE invest_projects (
	id                 INTEGER PRIMARY KEY,
	project_id         TEXT NOT NULL CHECK (project_id <> ''),
	revision_id        BIGINT NOT NULL REFERENCES revisions (id),
	superseded_by      BIGINT REFERENCES revisions (id),
	name               TEXT NOT NULL DEFAULT '',
	county             TEXT NOT NULL,
	zone               TEXT NOT NULL DEFAULT '',
	investor           TEXT NOT NULL DEFAULT '',
	investor_code      TEXT NOT NULL DEFAULT '',
	investor_loc       TEXT NOT NULL DEFAULT '',
	origin             SMALLINT NOT NULL,
	signed             INTEGER NOT NULL DEFAULT 0,
	event              TEXT NOT NULL DEFAULT '',
	amount             BIGINT NOT NULL DEFAULT 0,
	contract_start     INTEGER NOT NULL DEFAULT 0,
	actual_start       INTEGER NOT NULL DEFAULT 0,
	contract_prod      INTEGER NOT NULL DEFAULT 0,
	actual_prod        INTEGER NOT NULL DEFAULT 0,
	terminated         INTEGER NOT NULL DEFAULT 0,
	termination_reason TEXT NOT NULL DEFAULT '',
	increase_of        TEXT NOT NULL DEFAULT '',
	relocation         BOOLEAN NOT NULL DEFAULT FALSE,
	stage              TEXT NOT NULL DEFAULT '',
	UNIQUE (project_id, revision_id)
);
-- The metrics query reads the current projects through these covering
-- indexes only (a metrics query must stay under 100 ms for 100,000
-- projects): by day of signing (rule 2, cohorts by year), by 签约活动
-- (cohorts by fair), the original projects by start (rule 6), and the
-- capital increases. Each ends with the columns of its WHERE clause, which
-- SQLite needs to see to read the index alone.
CREATE INDEX invest_projects_current ON invest_projects (project_id, increase_of, event, signed, county, zone, origin,
	superseded_by) WHERE superseded_by IS NULL;
CREATE INDEX invest_projects_signed ON invest_projects (signed, increase_of, relocation, county, zone, origin, amount,
	actual_start, actual_prod, contract_start, contract_prod, project_id, superseded_by) WHERE superseded_by IS NULL;
CREATE INDEX invest_projects_event ON invest_projects (event, increase_of, county, zone, origin, amount,
	actual_start, actual_prod, contract_start, contract_prod, project_id, superseded_by) WHERE superseded_by IS NULL;
CREATE INDEX invest_projects_start ON invest_projects (actual_start, terminated, contract_start, signed, county, zone, origin,
	increase_of, superseded_by) WHERE superseded_by IS NULL AND increase_of = '';
CREATE INDEX invest_projects_increase ON invest_projects (increase_of, signed, amount, superseded_by)
	WHERE superseded_by IS NULL AND increase_of <> '';

-- The investors of a project version, each with its share (a fraction).
CREATE TABLE invest_investors (
	project_id  TEXT NOT NULL,
	revision_id BIGINT NOT NULL REFERENCES revisions (id),
	position    INTEGER NOT NULL,
	investor    TEXT NOT NULL DEFAULT '',
	code        TEXT NOT NULL DEFAULT '',
	location    TEXT NOT NULL DEFAULT '',
	share       DOUBLE PRECISION NOT NULL CHECK (share >= 0 AND share <= 1),
	PRIMARY KEY (project_id, revision_id, position)
);

-- Stage changes (线索 → 洽谈 → 签约 → 注册 → 开工 → 投产/建成, 终止), each
-- dated and recorded with who made it; the audit log has the same.
CREATE TABLE invest_stage_changes (
	id          INTEGER PRIMARY KEY,
	project_id  TEXT NOT NULL,
	from_stage  TEXT NOT NULL,
	to_stage    TEXT NOT NULL,
	day         INTEGER NOT NULL,
	note        TEXT NOT NULL DEFAULT '',
	recorded_at TIMESTAMP NOT NULL,
	recorded_by TEXT NOT NULL
);
CREATE INDEX invest_stage_changes_project ON invest_stage_changes (project_id, id);

-- Funds in place. An import replaces the rows of each (project, month) it
-- holds: the older rows get superseded_by, nothing is deleted.
CREATE TABLE invest_funds (
	id            INTEGER PRIMARY KEY,
	revision_id   BIGINT NOT NULL REFERENCES revisions (id),
	superseded_by BIGINT REFERENCES revisions (id),
	project_id    TEXT NOT NULL,
	month         INTEGER NOT NULL,
	amount        BIGINT NOT NULL,
	source        TEXT NOT NULL,
	evidence      TEXT NOT NULL DEFAULT '',
	payer_loc     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX invest_funds_key ON invest_funds (project_id, month, revision_id);
CREATE INDEX invest_funds_revision ON invest_funds (revision_id);

-- Derived from the current ledger after every import, in the same
-- transaction (invest.FundsFacts, invest.SignedFacts, invest.CohortFundsFacts,
-- invest.OverdueFacts): the metrics
-- query sums these instead of a million funds rows.
CREATE TABLE invest_funds_facts (
	county  TEXT NOT NULL,
	zone    TEXT NOT NULL,
	origin  SMALLINT NOT NULL,
	month   INTEGER NOT NULL,
	counted BOOLEAN NOT NULL,
	amount  BIGINT NOT NULL
);
CREATE INDEX invest_funds_facts_month ON invest_funds_facts (month, county, zone, origin, counted, amount);
CREATE TABLE invest_signed_facts (
	county     TEXT NOT NULL,
	zone       TEXT NOT NULL,
	origin     SMALLINT NOT NULL,
	month      INTEGER NOT NULL,
	increase   BOOLEAN NOT NULL,
	relocation BOOLEAN NOT NULL,
	projects   BIGINT NOT NULL,
	amount     BIGINT NOT NULL
);
CREATE INDEX invest_signed_facts_month ON invest_signed_facts (month, county, zone, origin, increase, relocation, projects, amount);
CREATE TABLE invest_cohort_facts (
	county          TEXT NOT NULL,
	zone            TEXT NOT NULL,
	origin          SMALLINT NOT NULL,
	event           TEXT NOT NULL,
	signed_year     INTEGER NOT NULL,
	month           INTEGER NOT NULL,
	increase_signed INTEGER NOT NULL,
	amount          BIGINT NOT NULL
);
CREATE INDEX invest_cohort_facts_event ON invest_cohort_facts (event, month, increase_signed, county, zone, origin, amount);
CREATE INDEX invest_cohort_facts_year ON invest_cohort_facts (signed_year, month, increase_signed, county, zone, origin, amount);
-- The overdue projects of each key at the end of each month with the
-- default months of rule 6 (invest.OverdueFacts), up to the horizon after
-- which nothing changes; invest_facts_horizon holds that month.
CREATE TABLE invest_overdue_facts (
	county TEXT NOT NULL,
	zone   TEXT NOT NULL,
	origin SMALLINT NOT NULL,
	month  INTEGER NOT NULL,
	count  BIGINT NOT NULL
);
CREATE INDEX invest_overdue_facts_month ON invest_overdue_facts (month, county, zone, origin, count);
CREATE TABLE invest_facts_horizon (
	overdue_months INTEGER NOT NULL,
	month          INTEGER NOT NULL
);
-- The places (county, zone) in which any current project is located.
CREATE TABLE invest_places (
	county TEXT NOT NULL,
	zone   TEXT NOT NULL,
	PRIMARY KEY (county, zone)
);
