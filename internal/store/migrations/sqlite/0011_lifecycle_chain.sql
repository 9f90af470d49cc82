-- qiangxian: foreign-keys-off
-- The office's chain of sign-off (issue 12). migrations/postgres/0011 is
-- the same schema in PostgreSQL's words. The marker on the first line
-- makes Migrate run this file with foreign keys off, as SQLite's table
-- rebuild (ALTER TABLE, "making other kinds of table schema changes")
-- requires: the users table is rebuilt to admit the two new roles.

-- Two roles of the office's chain: office_head (处室负责人) opens the public
-- notice, approver (分管委领导) approves and publishes.
CREATE TABLE users_0011 (
	id                   INTEGER PRIMARY KEY,
	username             TEXT NOT NULL UNIQUE,
	password_hash        TEXT NOT NULL,
	role                 TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'office_head', 'approver', 'department',
		'prefecture', 'county', 'viewer')),
	department           TEXT NOT NULL DEFAULT '',
	unit_code            TEXT REFERENCES units (code),
	display_name         TEXT NOT NULL DEFAULT '',
	disabled             BOOLEAN NOT NULL DEFAULT FALSE,
	created_at           TIMESTAMP NOT NULL,
	password_changed_at  TIMESTAMP NOT NULL,
	must_change_password BOOLEAN NOT NULL DEFAULT FALSE
);
INSERT INTO users_0011 (id, username, password_hash, role, department, unit_code, display_name, disabled, created_at,
	password_changed_at, must_change_password)
SELECT id, username, password_hash, role, department, unit_code, display_name, disabled, created_at,
	password_changed_at, must_change_password FROM users;
DROP TABLE users;
ALTER TABLE users_0011 RENAME TO users;

-- The working-day calendar of the 公示 window: days off that fall on a
-- weekday ('holiday') and weekend days worked instead (调休, 'workday').
-- Days not listed are working days from Monday to Friday.
CREATE TABLE holidays (
	day        DATE PRIMARY KEY,
	kind       TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
	name       TEXT NOT NULL DEFAULT '',
	updated_at TIMESTAMP NOT NULL,
	updated_by TEXT NOT NULL
);

-- The approval of a run (批准): the outside decision that lets the notice
-- say "经省政府同意" — the meeting, its minutes' number (纪要号) and day —
-- and who signed. A run sent back to draft after approval and approved
-- again has several rows; the last one counts. Never changed or deleted.
CREATE TABLE run_approvals (
	id            INTEGER PRIMARY KEY,
	run_id        BIGINT NOT NULL REFERENCES runs (id),
	meeting       TEXT NOT NULL CHECK (meeting IN ('领导小组会议', '省政府常务会议')),
	minute_no     TEXT NOT NULL CHECK (minute_no <> ''),
	meeting_date  DATE NOT NULL,
	approver      TEXT NOT NULL,
	approver_name TEXT NOT NULL,
	approved_at   TIMESTAMP NOT NULL,
	note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX run_approvals_run ON run_approvals (run_id, id);
CREATE TRIGGER run_approvals_append_only_u BEFORE UPDATE ON run_approvals
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: approvals are append-only'); END;
CREATE TRIGGER run_approvals_append_only_d BEFORE DELETE ON run_approvals
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: approvals are append-only'); END;

-- The correction (更正) a run records when its publication superseded an
-- earlier published run of the same method and period, with the award
-- changes (who gained or lost which award, and why). Written once, in the
-- publishing transaction.
CREATE TABLE run_corrections (
	run_id      BIGINT PRIMARY KEY REFERENCES runs (id),
	supersedes  BIGINT NOT NULL REFERENCES runs (id),
	note        TEXT NOT NULL DEFAULT '',
	recorded_at TIMESTAMP NOT NULL,
	recorded_by TEXT NOT NULL,
	CHECK (supersedes <> run_id)
);
CREATE TABLE run_correction_changes (
	id        INTEGER PRIMARY KEY,
	run_id    BIGINT NOT NULL REFERENCES run_corrections (run_id),
	unit_code TEXT NOT NULL REFERENCES units (code),
	award     TEXT NOT NULL CHECK (award <> ''),
	change    TEXT NOT NULL CHECK (change IN ('gained', 'lost')),
	reason    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX run_correction_changes_run ON run_correction_changes (run_id, unit_code);
CREATE TRIGGER run_corrections_append_only_u BEFORE UPDATE ON run_corrections
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: corrections are append-only'); END;
CREATE TRIGGER run_corrections_append_only_d BEFORE DELETE ON run_corrections
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: corrections are append-only'); END;
CREATE TRIGGER run_correction_changes_append_only_u BEFORE UPDATE ON run_correction_changes
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: corrections are append-only'); END;
CREATE TRIGGER run_correction_changes_append_only_d BEFORE DELETE ON run_correction_changes
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: corrections are append-only'); END;

-- Objections arrive by letter or phone and the analyst registers them: a
-- unit's with its stamped letter (letter: its reference), a person's with
-- the real name (submitter). carried_from links an objection copied onto a
-- re-run to the one on the earlier run. Rows of before 0011 (raised on the
-- web by a county user) keep channel ''.
ALTER TABLE result_objections ADD COLUMN channel TEXT NOT NULL DEFAULT '' CHECK (channel IN ('', 'letter', 'phone'));
ALTER TABLE result_objections ADD COLUMN submitter_kind TEXT NOT NULL DEFAULT '' CHECK (submitter_kind IN ('', 'unit', 'person'));
ALTER TABLE result_objections ADD COLUMN submitter TEXT NOT NULL DEFAULT '';
ALTER TABLE result_objections ADD COLUMN letter TEXT NOT NULL DEFAULT '';
ALTER TABLE result_objections ADD COLUMN carried_from BIGINT REFERENCES result_objections (id);

-- A published run is superseded by the publication of a newer run of its
-- method and period: the one change its lifecycle row still takes is
-- superseded_by, set once (the run's own row, results and history stay as
-- they were; the store reports its state as 'superseded').
DROP TRIGGER run_lifecycle_published_i;
DROP TRIGGER run_lifecycle_published_u;
CREATE TRIGGER run_lifecycle_published_i BEFORE INSERT ON run_lifecycle
WHEN (SELECT state FROM runs WHERE id = NEW.run_id) = 'published'
	AND NOT (NEW.superseded_by IS NOT NULL AND NEW.notice_start IS NULL AND NEW.doc_number = '')
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the run is published'); END;
CREATE TRIGGER run_lifecycle_published_u BEFORE UPDATE ON run_lifecycle
WHEN (SELECT state FROM runs WHERE id = OLD.run_id) = 'published'
	AND NOT (OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND NEW.run_id = OLD.run_id
		AND NEW.notice_start IS OLD.notice_start AND NEW.notice_end IS OLD.notice_end AND NEW.doc_number = OLD.doc_number)
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the run is published'); END;

-- The State Council's holiday calendars (国务院办公厅关于部分节假日安排的通知) for
-- 2021 (国办发明电〔2020〕27号), 2022 (〔2021〕11号), 2023 (〔2022〕16号) and 2024
-- (〔2023〕7号): every day off ('holiday', weekends inside a holiday
-- included) and every weekend day worked instead (调休上班, 'workday').
-- The office keeps later years through /api/v1/holidays.
INSERT INTO holidays (day, kind, name, updated_at, updated_by) VALUES
('2021-01-01', 'holiday', '元旦', '2021-01-01 00:00:00', 'migration 0011'),
('2021-01-02', 'holiday', '元旦', '2021-01-01 00:00:00', 'migration 0011'),
('2021-01-03', 'holiday', '元旦', '2021-01-01 00:00:00', 'migration 0011'),
('2021-02-07', 'workday', '春节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2021-02-11', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-02-12', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-02-13', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-02-14', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-02-15', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-02-16', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-02-17', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-02-20', 'workday', '春节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2021-04-03', 'holiday', '清明节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-04-04', 'holiday', '清明节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-04-05', 'holiday', '清明节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-04-25', 'workday', '劳动节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2021-05-01', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-05-02', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-05-03', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-05-04', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-05-05', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-05-08', 'workday', '劳动节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2021-06-12', 'holiday', '端午节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-06-13', 'holiday', '端午节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-06-14', 'holiday', '端午节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-09-18', 'workday', '中秋节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2021-09-19', 'holiday', '中秋节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-09-20', 'holiday', '中秋节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-09-21', 'holiday', '中秋节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-09-26', 'workday', '国庆节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2021-10-01', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-10-02', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-10-03', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-10-04', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-10-05', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-10-06', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-10-07', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2021-10-09', 'workday', '国庆节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2022-01-01', 'holiday', '元旦', '2021-01-01 00:00:00', 'migration 0011'),
('2022-01-02', 'holiday', '元旦', '2021-01-01 00:00:00', 'migration 0011'),
('2022-01-03', 'holiday', '元旦', '2021-01-01 00:00:00', 'migration 0011'),
('2022-01-29', 'workday', '春节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2022-01-30', 'workday', '春节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2022-01-31', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-02-01', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-02-02', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-02-03', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-02-04', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-02-05', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-02-06', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-04-02', 'workday', '清明节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2022-04-03', 'holiday', '清明节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-04-04', 'holiday', '清明节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-04-05', 'holiday', '清明节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-04-24', 'workday', '劳动节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2022-04-30', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-05-01', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-05-02', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-05-03', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-05-04', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-05-07', 'workday', '劳动节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2022-06-03', 'holiday', '端午节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-06-04', 'holiday', '端午节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-06-05', 'holiday', '端午节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-09-10', 'holiday', '中秋节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-09-11', 'holiday', '中秋节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-09-12', 'holiday', '中秋节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-10-01', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-10-02', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-10-03', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-10-04', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-10-05', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-10-06', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-10-07', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2022-10-08', 'workday', '国庆节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2022-10-09', 'workday', '国庆节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2022-12-31', 'holiday', '元旦', '2021-01-01 00:00:00', 'migration 0011'),
('2023-01-01', 'holiday', '元旦', '2021-01-01 00:00:00', 'migration 0011'),
('2023-01-02', 'holiday', '元旦', '2021-01-01 00:00:00', 'migration 0011'),
('2023-01-21', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-01-22', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-01-23', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-01-24', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-01-25', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-01-26', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-01-27', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-01-28', 'workday', '春节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2023-01-29', 'workday', '春节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2023-04-05', 'holiday', '清明节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-04-23', 'workday', '劳动节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2023-04-29', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-04-30', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-05-01', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-05-02', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-05-03', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-05-06', 'workday', '劳动节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2023-06-22', 'holiday', '端午节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-06-23', 'holiday', '端午节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-06-24', 'holiday', '端午节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-06-25', 'workday', '端午节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2023-09-29', 'holiday', '中秋节、国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-09-30', 'holiday', '中秋节、国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-10-01', 'holiday', '中秋节、国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-10-02', 'holiday', '中秋节、国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-10-03', 'holiday', '中秋节、国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-10-04', 'holiday', '中秋节、国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-10-05', 'holiday', '中秋节、国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-10-06', 'holiday', '中秋节、国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2023-10-07', 'workday', '国庆节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2023-10-08', 'workday', '国庆节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2024-01-01', 'holiday', '元旦', '2021-01-01 00:00:00', 'migration 0011'),
('2024-02-04', 'workday', '春节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2024-02-10', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-02-11', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-02-12', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-02-13', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-02-14', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-02-15', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-02-16', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-02-17', 'holiday', '春节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-02-18', 'workday', '春节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2024-04-04', 'holiday', '清明节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-04-05', 'holiday', '清明节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-04-06', 'holiday', '清明节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-04-07', 'workday', '清明节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2024-04-28', 'workday', '劳动节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2024-05-01', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-05-02', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-05-03', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-05-04', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-05-05', 'holiday', '劳动节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-05-11', 'workday', '劳动节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2024-06-10', 'holiday', '端午节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-09-14', 'workday', '中秋节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2024-09-15', 'holiday', '中秋节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-09-16', 'holiday', '中秋节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-09-17', 'holiday', '中秋节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-09-29', 'workday', '国庆节调休', '2021-01-01 00:00:00', 'migration 0011'),
('2024-10-01', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-10-02', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-10-03', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-10-04', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-10-05', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-10-06', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-10-07', 'holiday', '国庆节', '2021-01-01 00:00:00', 'migration 0011'),
('2024-10-12', 'workday', '国庆节调休', '2021-01-01 00:00:00', 'migration 0011');
