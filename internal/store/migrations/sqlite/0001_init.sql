-- The first schema of qiangxian (SQLite). migrations/postgres/0001_init.sql is
-- the same schema in PostgreSQL's words; keep the two in step.
-- Timestamps are UTC, written by the Go driver as text ('2006-01-02 15:04:05.999999+00:00').

-- counters serialises revisions: a change takes the next revision number by
-- updating its row, which holds a row lock until commit, so revision numbers
-- become visible in increasing order and "as of revision R" never changes.
CREATE TABLE counters (
	name  TEXT PRIMARY KEY,
	value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('revision', 0);

CREATE TABLE units (
	code        TEXT PRIMARY KEY,
	name        TEXT NOT NULL,
	kind        TEXT NOT NULL CHECK (kind IN ('province', 'prefecture', 'county', 'zone', 'subpark')),
	parent_code TEXT REFERENCES units (code),
	host_code   TEXT REFERENCES units (code),
	valid_from  DATE,
	valid_to    DATE
);
CREATE INDEX units_parent ON units (parent_code);

CREATE TABLE unit_attributes (
	id        INTEGER PRIMARY KEY,
	unit_code TEXT NOT NULL REFERENCES units (code),
	name      TEXT NOT NULL,
	value     TEXT NOT NULL,
	from_year INTEGER NOT NULL,
	to_year   INTEGER,
	CHECK (to_year IS NULL OR to_year >= from_year)
);
CREATE INDEX unit_attributes_unit ON unit_attributes (unit_code, name);

CREATE TABLE unit_changes (
	id        INTEGER PRIMARY KEY,
	kind      TEXT NOT NULL CHECK (kind IN ('recode', 'merge', 'split')),
	from_code TEXT NOT NULL REFERENCES units (code),
	to_code   TEXT NOT NULL REFERENCES units (code),
	effective DATE NOT NULL,
	document  TEXT NOT NULL DEFAULT '',
	note      TEXT NOT NULL DEFAULT '',
	CHECK (from_code <> to_code)
);
CREATE INDEX unit_changes_from ON unit_changes (from_code);
CREATE INDEX unit_changes_to ON unit_changes (to_code);

CREATE TABLE indicators (
	code       TEXT PRIMARY KEY,
	name_zh    TEXT NOT NULL,
	name_en    TEXT NOT NULL DEFAULT '',
	unit       TEXT NOT NULL DEFAULT '',
	direction  INTEGER NOT NULL CHECK (direction IN (1, -1)),
	department TEXT NOT NULL DEFAULT '',
	definition TEXT NOT NULL DEFAULT ''
);

CREATE TABLE periods (
	code  TEXT PRIMARY KEY,
	kind  TEXT NOT NULL CHECK (kind IN ('year', 'month')),
	year  INTEGER NOT NULL,
	month INTEGER NOT NULL CHECK (month BETWEEN 0 AND 12)
);

CREATE TABLE revisions (
	id         BIGINT PRIMARY KEY,
	created_at TIMESTAMP NOT NULL,
	username   TEXT NOT NULL,
	kind       TEXT NOT NULL,
	source     TEXT NOT NULL DEFAULT '',
	note       TEXT NOT NULL DEFAULT ''
);

-- observations carries no foreign keys, deliberately: PostgreSQL checks
-- them row by row, which made a 180,000-figure import take 7 s instead of
-- under 1 s. ImportObservations checks every unit and indicator against the
-- catalogue (which never loses a code: the store deletes no unit or
-- indicator) and creates the period and the revision in the same
-- transaction. The primary key is the figure's identity plus its revision,
-- which is also the index every "as of revision R" read uses.
CREATE TABLE observations (
	unit_code      TEXT NOT NULL,
	indicator_code TEXT NOT NULL,
	period_code    TEXT NOT NULL,
	revision_id    BIGINT NOT NULL,
	value          DOUBLE PRECISION,
	status         TEXT NOT NULL CHECK (status IN ('reported', 'confirmed', 'objected', 'corrected', 'estimated', 'imputed')),
	source         TEXT NOT NULL DEFAULT '',
	note           TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (unit_code, indicator_code, period_code, revision_id)
) WITHOUT ROWID; -- one B-tree, not a table and its key's index: half the writes

CREATE TABLE events (
	id          INTEGER PRIMARY KEY,
	event_key   TEXT NOT NULL,
	revision_id BIGINT NOT NULL REFERENCES revisions (id),
	unit_code   TEXT NOT NULL REFERENCES units (code),
	day         DATE NOT NULL,
	type        TEXT NOT NULL,
	department  TEXT NOT NULL DEFAULT '',
	document    TEXT NOT NULL DEFAULT '',
	points      DOUBLE PRECISION,
	note        TEXT NOT NULL DEFAULT '',
	retracted   BOOLEAN NOT NULL DEFAULT FALSE,
	UNIQUE (event_key, revision_id)
);
CREATE INDEX events_unit ON events (unit_code, day);

CREATE TABLE targets (
	id             INTEGER PRIMARY KEY,
	revision_id    BIGINT NOT NULL REFERENCES revisions (id),
	unit_code      TEXT NOT NULL REFERENCES units (code),
	indicator_code TEXT NOT NULL REFERENCES indicators (code),
	period_code    TEXT NOT NULL REFERENCES periods (code),
	value          DOUBLE PRECISION,
	note           TEXT NOT NULL DEFAULT '',
	UNIQUE (unit_code, indicator_code, period_code, revision_id)
);

CREATE TABLE methods (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	version    TEXT NOT NULL,
	toml       TEXT NOT NULL,
	hash       TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL,
	created_by TEXT NOT NULL,
	UNIQUE (name, version)
);

CREATE TABLE runs (
	id          INTEGER PRIMARY KEY,
	method_id   BIGINT NOT NULL REFERENCES methods (id),
	revision_id BIGINT NOT NULL REFERENCES revisions (id),
	period_code TEXT NOT NULL REFERENCES periods (code),
	params      TEXT NOT NULL,
	hash        TEXT NOT NULL,
	state       TEXT NOT NULL CHECK (state IN ('draft', 'review', 'notice', 'objections', 'approved', 'published')),
	visibility  TEXT NOT NULL CHECK (visibility IN ('none', 'winners', 'full')),
	parent_id   BIGINT REFERENCES runs (id),
	note        TEXT NOT NULL DEFAULT '',
	created_at  TIMESTAMP NOT NULL,
	created_by  TEXT NOT NULL
);

CREATE TABLE run_states (
	id         INTEGER PRIMARY KEY,
	run_id     BIGINT NOT NULL REFERENCES runs (id),
	from_state TEXT NOT NULL,
	to_state   TEXT NOT NULL,
	at         TIMESTAMP NOT NULL,
	username   TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX run_states_run ON run_states (run_id);

CREATE TABLE run_results (
	id          INTEGER PRIMARY KEY,
	run_id      BIGINT NOT NULL REFERENCES runs (id),
	unit_code   TEXT NOT NULL REFERENCES units (code),
	node        TEXT NOT NULL,
	level       INTEGER NOT NULL,
	score       DOUBLE PRECISION,
	rank        DOUBLE PRECISION,
	grp         TEXT NOT NULL DEFAULT '',
	group_rank  DOUBLE PRECISION,
	vetoed      BOOLEAN NOT NULL DEFAULT FALSE,
	awards      TEXT NOT NULL DEFAULT '',
	period      TEXT NOT NULL DEFAULT '',
	rank_change DOUBLE PRECISION,
	UNIQUE (run_id, unit_code, node, grp, period)
);

CREATE TABLE users (
	id                  INTEGER PRIMARY KEY,
	username            TEXT NOT NULL UNIQUE,
	password_hash       TEXT NOT NULL,
	role                TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'department', 'prefecture', 'county', 'viewer')),
	department          TEXT NOT NULL DEFAULT '',
	unit_code           TEXT REFERENCES units (code),
	display_name        TEXT NOT NULL DEFAULT '',
	disabled            BOOLEAN NOT NULL DEFAULT FALSE,
	created_at          TIMESTAMP NOT NULL,
	password_changed_at TIMESTAMP NOT NULL
);

CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY,
	user_id    BIGINT NOT NULL REFERENCES users (id),
	created_at TIMESTAMP NOT NULL,
	last_seen  TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
	id         INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	user_id    BIGINT NOT NULL REFERENCES users (id),
	name       TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	last_used  TIMESTAMP,
	expires_at TIMESTAMP,
	revoked    BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE login_attempts (
	id       INTEGER PRIMARY KEY,
	username TEXT NOT NULL,
	remote   TEXT NOT NULL DEFAULT '',
	at       TIMESTAMP NOT NULL,
	success  BOOLEAN NOT NULL
);
CREATE INDEX login_attempts_user ON login_attempts (username, at);
CREATE INDEX login_attempts_remote ON login_attempts (remote, at);

CREATE TABLE audit_log (
	id        INTEGER PRIMARY KEY,
	at        TIMESTAMP NOT NULL,
	username  TEXT NOT NULL,
	action    TEXT NOT NULL,
	entity    TEXT NOT NULL,
	entity_id TEXT NOT NULL DEFAULT '',
	detail    TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at);

-- Records that are never overwritten: the store only inserts them, and these
-- triggers make sure that no other path (a stray SQL shell) changes them.
CREATE TRIGGER revisions_append_only_u BEFORE UPDATE ON revisions BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: revisions are append-only'); END;
CREATE TRIGGER revisions_append_only_d BEFORE DELETE ON revisions BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: revisions are append-only'); END;
CREATE TRIGGER observations_append_only_u BEFORE UPDATE ON observations BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: observations are append-only'); END;
CREATE TRIGGER observations_append_only_d BEFORE DELETE ON observations BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: observations are append-only'); END;
CREATE TRIGGER events_append_only_u BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: events are append-only'); END;
CREATE TRIGGER events_append_only_d BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: events are append-only'); END;
CREATE TRIGGER targets_append_only_u BEFORE UPDATE ON targets BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: targets are append-only'); END;
CREATE TRIGGER targets_append_only_d BEFORE DELETE ON targets BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: targets are append-only'); END;
CREATE TRIGGER methods_append_only_u BEFORE UPDATE ON methods BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: methods are append-only'); END;
CREATE TRIGGER methods_append_only_d BEFORE DELETE ON methods BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: methods are append-only'); END;
CREATE TRIGGER audit_log_append_only_u BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the audit log is append-only'); END;
CREATE TRIGGER audit_log_append_only_d BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the audit log is append-only'); END;

-- A published run and its results never change (they are the official notice).
CREATE TRIGGER runs_published_u BEFORE UPDATE ON runs WHEN OLD.state = 'published'
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the run is published'); END;
CREATE TRIGGER runs_published_d BEFORE DELETE ON runs WHEN OLD.state = 'published'
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the run is published'); END;
CREATE TRIGGER run_results_published_i BEFORE INSERT ON run_results
WHEN (SELECT state FROM runs WHERE id = NEW.run_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the run is published'); END;
CREATE TRIGGER run_results_published_u BEFORE UPDATE ON run_results
WHEN (SELECT state FROM runs WHERE id = OLD.run_id) = 'published' OR (SELECT state FROM runs WHERE id = NEW.run_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the run is published'); END;
CREATE TRIGGER run_results_published_d BEFORE DELETE ON run_results
WHEN (SELECT state FROM runs WHERE id = OLD.run_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the run is published'); END;
CREATE TRIGGER run_states_published_i BEFORE INSERT ON run_states
WHEN (SELECT state FROM runs WHERE id = NEW.run_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the run is published'); END;
CREATE TRIGGER run_states_append_only_u BEFORE UPDATE ON run_states BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: run states are append-only'); END;
CREATE TRIGGER run_states_append_only_d BEFORE DELETE ON run_states BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: run states are append-only'); END;
