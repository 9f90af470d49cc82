-- Monthly and quarterly monitoring (issue 21): the monitoring settings of
-- indicators, year-start targets with their audited revisions, the release
-- calendar, cumulative figures kept apart as preliminary and final, and the
-- one 督办 loop of the platform (问题清单 → 督办单 → reply → 销号, with
-- escalation when overdue). migrations/postgres/0015 is the same schema in
-- PostgreSQL's words (but for WITHOUT ROWID, SQLite's own).

-- An indicator as monitoring reads it: how often it comes, which way is
-- good, whether it adds up over units (a growth is computed only for those),
-- and whether its growth is the bureau's official one (imported, never
-- computed).
CREATE TABLE monitor_indicators (
	code            TEXT PRIMARY KEY CHECK (code <> ''),
	name            TEXT NOT NULL,
	unit            TEXT NOT NULL DEFAULT '',
	frequency       TEXT NOT NULL CHECK (frequency IN ('monthly', 'quarterly')),
	direction       INTEGER NOT NULL DEFAULT 1 CHECK (direction IN (1, -1)),
	additive        BOOLEAN NOT NULL DEFAULT TRUE,
	official_growth BOOLEAN NOT NULL DEFAULT FALSE,
	seasonal        BOOLEAN NOT NULL DEFAULT FALSE
);

-- Year-start targets (年度目标), absolute or growth (percent). Changed in
-- place; every change is a row of monitor_target_changes.
CREATE TABLE monitor_targets (
	year       INTEGER NOT NULL,
	unit_code  TEXT NOT NULL REFERENCES units (code),
	indicator  TEXT NOT NULL REFERENCES monitor_indicators (code),
	kind       TEXT NOT NULL CHECK (kind IN ('absolute', 'growth')),
	value      DOUBLE PRECISION NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	updated_by TEXT NOT NULL,
	PRIMARY KEY (year, unit_code, indicator)
);

CREATE TABLE monitor_target_changes (
	id         INTEGER PRIMARY KEY,
	year       INTEGER NOT NULL,
	unit_code  TEXT NOT NULL,
	indicator  TEXT NOT NULL,
	old_kind   TEXT NOT NULL DEFAULT '',
	old_value  DOUBLE PRECISION,
	kind       TEXT NOT NULL,
	value      DOUBLE PRECISION NOT NULL,
	reason     TEXT NOT NULL DEFAULT '',
	changed_at TIMESTAMP NOT NULL,
	changed_by TEXT NOT NULL
);
CREATE INDEX monitor_target_changes_key ON monitor_target_changes (year, unit_code, indicator);

-- The statistics bureau's release calendar: a period's figures are shown
-- to anyone but the provincial office only from its release day on.
CREATE TABLE monitor_releases (
	year    INTEGER NOT NULL,
	month   INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
	release_day DATE NOT NULL,
	PRIMARY KEY (year, month)
);

-- Cumulative figures (1–N月累计), preliminary (初步) and final (最终) apart.
CREATE TABLE monitor_figures (
	year       INTEGER NOT NULL,
	month      INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
	unit_code  TEXT NOT NULL,
	indicator  TEXT NOT NULL,
	stage      TEXT NOT NULL CHECK (stage IN ('preliminary', 'final')),
	value      DOUBLE PRECISION,
	growth     DOUBLE PRECISION,
	updated_at TIMESTAMP NOT NULL,
	updated_by TEXT NOT NULL,
	PRIMARY KEY (year, month, indicator, unit_code, stage)
) WITHOUT ROWID; -- read in key order: the table is its key (PostgreSQL reads the index)

-- The 督办 loop: a problem (问题清单 entry) raised from a red indicator, a
-- zone warning, a project behind schedule, or by hand; a 督办单 orders it;
-- the responsible unit replies and asks for 销号 with evidence; the office
-- approves or sends it back; an overdue problem is escalated.
CREATE TABLE monitor_problems (
	id          INTEGER PRIMARY KEY,
	source      TEXT NOT NULL CHECK (source IN ('indicator', 'zone', 'project', 'manual')),
	source_ref  TEXT NOT NULL DEFAULT '',
	unit_code   TEXT NOT NULL REFERENCES units (code),
	indicator   TEXT NOT NULL DEFAULT '',
	period      TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL CHECK (title <> ''),
	responsible TEXT NOT NULL CHECK (responsible <> ''),
	measures    TEXT NOT NULL DEFAULT '',
	deadline    DATE NOT NULL,
	state       TEXT NOT NULL CHECK (state IN ('listed', 'ordered', 'replied', 'closing', 'closed')),
	order_no    TEXT NOT NULL DEFAULT '',
	escalation  INTEGER NOT NULL DEFAULT 0,
	created_at  TIMESTAMP NOT NULL,
	created_by  TEXT NOT NULL,
	updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX monitor_problems_unit ON monitor_problems (unit_code, state);

CREATE TABLE monitor_problem_steps (
	id         INTEGER PRIMARY KEY,
	problem_id BIGINT NOT NULL REFERENCES monitor_problems (id),
	step       TEXT NOT NULL CHECK (step IN ('raise', 'order', 'reply', 'request', 'approve', 'reject', 'escalate')),
	body       TEXT NOT NULL DEFAULT '',
	evidence   TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	username   TEXT NOT NULL
);
CREATE INDEX monitor_problem_steps_problem ON monitor_problem_steps (problem_id);
