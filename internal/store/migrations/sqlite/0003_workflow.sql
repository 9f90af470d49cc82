-- Workflow (issue 8): collection tasks, check rules, held imports and the
-- explanations of flagged figures, county objections with their thread,
-- attachments, in-application notifications. migrations/postgres/0003 is the
-- same schema in PostgreSQL's words.

-- Collection (数据采集): per period, one task per indicator, owned by the
-- indicator's providing department, with a deadline day (China time).
-- A task's status is computed from the figures, not stored.
CREATE TABLE collection_tasks (
	id             INTEGER PRIMARY KEY,
	period_code    TEXT NOT NULL REFERENCES periods (code),
	indicator_code TEXT NOT NULL REFERENCES indicators (code),
	department     TEXT NOT NULL,
	deadline       DATE NOT NULL,
	method_id      BIGINT REFERENCES methods (id),
	created_at     TIMESTAMP NOT NULL,
	created_by     TEXT NOT NULL,
	UNIQUE (period_code, indicator_code)
);

-- Check rules (审核规则), configured by the analyst: bounds and sums block an
-- import (hard), changes, historic ranges and ratios hold it until each
-- flagged cell is explained (soft). See internal/workflow. An indicator of
-- '' applies a rule to every indicator; parts is a comma-separated list.
-- Rules are settings, changed in place (disabled, never deleted); every
-- change is in the audit log. The store installs two generic soft rules on
-- first use (store.CheckRules), not here, so that a restore still finds
-- the table empty.
CREATE TABLE check_rules (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('bounds', 'sum', 'change', 'history', 'ratio')),
	severity   TEXT NOT NULL CHECK (severity IN ('hard', 'soft')),
	indicator  TEXT NOT NULL DEFAULT '',
	other      TEXT NOT NULL DEFAULT '',
	parts      TEXT NOT NULL DEFAULT '',
	lo         DOUBLE PRECISION,
	hi         DOUBLE PRECISION,
	threshold  DOUBLE PRECISION NOT NULL DEFAULT 0,
	enabled    BOOLEAN NOT NULL DEFAULT TRUE,
	note       TEXT NOT NULL DEFAULT '',
	updated_at TIMESTAMP NOT NULL,
	updated_by TEXT NOT NULL,
	UNIQUE (name)
);

-- An upload held because soft rules flagged cells: the checked figures
-- (JSON) wait until the department explains every flagged cell, then go in
-- as one revision (revision_id) with their explanations.
CREATE TABLE pending_imports (
	id          INTEGER PRIMARY KEY,
	username    TEXT NOT NULL,
	department  TEXT NOT NULL DEFAULT '',
	period_code TEXT NOT NULL,
	source      TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT '',
	status      TEXT NOT NULL DEFAULT '',
	rows        TEXT NOT NULL,
	findings    TEXT NOT NULL,
	state       TEXT NOT NULL CHECK (state IN ('pending', 'committed', 'cancelled')),
	revision_id BIGINT REFERENCES revisions (id),
	created_at  TIMESTAMP NOT NULL,
	updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX pending_imports_user ON pending_imports (username, state);

-- The written explanation of a figure a soft rule flagged, kept with the
-- figure's revision: what the rules said and what the department answered.
CREATE TABLE observation_explanations (
	unit_code      TEXT NOT NULL,
	indicator_code TEXT NOT NULL,
	period_code    TEXT NOT NULL,
	revision_id    BIGINT NOT NULL REFERENCES revisions (id),
	findings       TEXT NOT NULL,
	explanation    TEXT NOT NULL,
	username       TEXT NOT NULL,
	created_at     TIMESTAMP NOT NULL,
	PRIMARY KEY (unit_code, indicator_code, period_code, revision_id)
);

-- A county's objection (异议) to one of its figures, answered by the
-- indicator's providing department: kept (异议不成立) or corrected (a new
-- revision with status corrected). The thread is figure_objection_messages.
-- (Objections to a run's results in its 公示 are result_objections, 0004.)
CREATE TABLE figure_objections (
	id                  INTEGER PRIMARY KEY,
	unit_code           TEXT NOT NULL REFERENCES units (code),
	indicator_code      TEXT NOT NULL REFERENCES indicators (code),
	period_code         TEXT NOT NULL REFERENCES periods (code),
	department          TEXT NOT NULL,
	run_id              BIGINT REFERENCES runs (id),
	value               DOUBLE PRECISION,
	proposed            DOUBLE PRECISION,
	reason              TEXT NOT NULL,
	state               TEXT NOT NULL CHECK (state IN ('open', 'kept', 'corrected')),
	raised_by           TEXT NOT NULL,
	raised_at           TIMESTAMP NOT NULL,
	objected_revision   BIGINT NOT NULL REFERENCES revisions (id),
	answered_by         TEXT NOT NULL DEFAULT '',
	answered_at         TIMESTAMP,
	answer              TEXT NOT NULL DEFAULT '',
	answer_revision     BIGINT REFERENCES revisions (id)
);
CREATE INDEX figure_objections_unit ON figure_objections (period_code, unit_code);
CREATE INDEX figure_objections_department ON figure_objections (department, state);

CREATE TABLE figure_objection_messages (
	id           INTEGER PRIMARY KEY,
	objection_id BIGINT NOT NULL REFERENCES figure_objections (id),
	at           TIMESTAMP NOT NULL,
	username     TEXT NOT NULL,
	kind         TEXT NOT NULL CHECK (kind IN ('raise', 'comment', 'keep', 'correct')),
	body         TEXT NOT NULL,
	revision_id  BIGINT REFERENCES revisions (id)
);
CREATE INDEX figure_objection_messages_objection ON figure_objection_messages (objection_id);

-- Files attached to an objection (or one of its messages) or to an event
-- (by its key, which stays across the event's versions). The content is
-- base64 text, so that the dialect-neutral backup carries it unchanged;
-- size and type are checked before (internal/workflow.CheckAttachment).
CREATE TABLE attachments (
	id           INTEGER PRIMARY KEY,
	entity       TEXT NOT NULL CHECK (entity IN ('objection', 'event')),
	entity_id    TEXT NOT NULL,
	message_id   BIGINT REFERENCES figure_objection_messages (id),
	filename     TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size         BIGINT NOT NULL,
	sha256       TEXT NOT NULL,
	content      TEXT NOT NULL,
	created_at   TIMESTAMP NOT NULL,
	created_by   TEXT NOT NULL
);
CREATE INDEX attachments_entity ON attachments (entity, entity_id);

-- Notices shown in the application (no e-mail is sent): a reminder to a
-- department about a collection task, an objection to a department, an
-- answer to a county.
CREATE TABLE notifications (
	id           INTEGER PRIMARY KEY,
	department   TEXT NOT NULL DEFAULT '',
	unit_code    TEXT REFERENCES units (code),
	kind         TEXT NOT NULL CHECK (kind IN ('reminder', 'objection', 'answer')),
	task_id      BIGINT REFERENCES collection_tasks (id),
	objection_id BIGINT REFERENCES figure_objections (id),
	message      TEXT NOT NULL,
	created_at   TIMESTAMP NOT NULL,
	created_by   TEXT NOT NULL
);
CREATE INDEX notifications_department ON notifications (department, created_at);
CREATE INDEX notifications_unit ON notifications (unit_code, created_at);

-- Explanations, messages and attachments are evidence: never changed.
CREATE TRIGGER observation_explanations_append_only_u BEFORE UPDATE ON observation_explanations BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: explanations are append-only'); END;
CREATE TRIGGER observation_explanations_append_only_d BEFORE DELETE ON observation_explanations BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: explanations are append-only'); END;
CREATE TRIGGER figure_objection_messages_append_only_u BEFORE UPDATE ON figure_objection_messages BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: objection messages are append-only'); END;
CREATE TRIGGER figure_objection_messages_append_only_d BEFORE DELETE ON figure_objection_messages BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: objection messages are append-only'); END;
CREATE TRIGGER attachments_append_only_u BEFORE UPDATE ON attachments BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: attachments are append-only'); END;
CREATE TRIGGER attachments_append_only_d BEFORE DELETE ON attachments BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: attachments are append-only'); END;
