-- Contract follow-up (履约监管) and scheduling (调度) of the investment
-- ledger (issue 20, items 4 and 5), and the typed link of the one 督办
-- loop (issue 21, item 5). migrations/postgres/0018 is the same schema in
-- PostgreSQL's words.

-- A problem's typed link to what raised it, beside its source kind: a red
-- indicator keeps (indicator, period) as before; a zone warning names the
-- zone, the assessment year and the warning's action; a project its
-- 项目编号. source_ref stays as a free reference. Problems raised from a
-- project before this migration carried the 项目编号 in source_ref.
ALTER TABLE monitor_problems ADD COLUMN link_zone TEXT NOT NULL DEFAULT '';
ALTER TABLE monitor_problems ADD COLUMN link_year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE monitor_problems ADD COLUMN link_action TEXT NOT NULL DEFAULT '';
ALTER TABLE monitor_problems ADD COLUMN link_project TEXT NOT NULL DEFAULT '';
UPDATE monitor_problems SET link_project = source_ref WHERE source = 'project';
CREATE INDEX monitor_problems_project ON monitor_problems (link_project) WHERE link_project <> '';

-- A signed project under follow-up: its 标准地 terms (zero: not set) and
-- its 包抓 leader (a post, never a personal name) with the leading
-- department. project_id is the ledger's 项目编号 (all its versions).
CREATE TABLE followup_projects (
	project_id      TEXT PRIMARY KEY CHECK (project_id <> ''),
	land_mu         DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (land_mu >= 0),
	invest_per_mu   DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (invest_per_mu >= 0),
	tax_per_mu      DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (tax_per_mu >= 0),
	energy_per_unit DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (energy_per_unit >= 0),
	leader          TEXT NOT NULL DEFAULT '',
	leader_dept     TEXT NOT NULL DEFAULT '',
	updated_at      TIMESTAMP NOT NULL,
	updated_by      TEXT NOT NULL
);

-- Commitments (side commit) and actuals (side actual) by year, in 万元
-- (jobs in people, energy in 吨标准煤); NULL is a figure not given.
CREATE TABLE followup_years (
	project_id TEXT NOT NULL REFERENCES followup_projects (project_id),
	year       INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
	side       TEXT NOT NULL CHECK (side IN ('commit', 'actual')),
	investment DOUBLE PRECISION,
	tax        DOUBLE PRECISION,
	output     DOUBLE PRECISION,
	jobs       DOUBLE PRECISION,
	energy     DOUBLE PRECISION,
	updated_at TIMESTAMP NOT NULL,
	updated_by TEXT NOT NULL,
	PRIMARY KEY (project_id, year, side)
);

-- The incentive ledger: what was promised to the investor, with what the
-- fair-competition review reads (named firm, selective, legal basis, day).
CREATE TABLE followup_incentives (
	id         INTEGER PRIMARY KEY,
	project_id TEXT NOT NULL REFERENCES followup_projects (project_id),
	kind       TEXT NOT NULL CHECK (kind IN ('tax', 'subsidy', 'factor', 'fee', 'service', 'other')),
	content    TEXT NOT NULL CHECK (content <> ''),
	amount     DOUBLE PRECISION,
	named_firm BOOLEAN NOT NULL DEFAULT FALSE,
	selective  BOOLEAN NOT NULL DEFAULT FALSE,
	basis      TEXT NOT NULL DEFAULT '',
	granted    INTEGER NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL,
	created_by TEXT NOT NULL
);
CREATE INDEX followup_incentives_project ON followup_incentives (project_id);

-- Default actions taken against a project in breach (违约处置).
CREATE TABLE followup_defaults (
	id         INTEGER PRIMARY KEY,
	project_id TEXT NOT NULL REFERENCES followup_projects (project_id),
	day        INTEGER NOT NULL CHECK (day > 0),
	action     TEXT NOT NULL CHECK (action IN ('notice', 'penalty', 'clawback', 'land_reclaimed', 'other')),
	amount     DOUBLE PRECISION,
	note       TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	created_by TEXT NOT NULL
);
CREATE INDEX followup_defaults_project ON followup_defaults (project_id);
