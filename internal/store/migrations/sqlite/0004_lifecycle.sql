-- The run lifecycle (issue 8): each run's public notice window (公示 start
-- and end day, China time) and document number (文号), the re-run that
-- superseded it, and the counties' objections to results (异议) with their
-- answers. migrations/postgres/0004 is the same schema in PostgreSQL's words.

-- One row per run that has any of these; a run without a row has none.
-- superseded_by names the re-run that replaced an unpublished run: the old
-- run then moves no more (runs_superseded below).
CREATE TABLE run_lifecycle (
	run_id        BIGINT PRIMARY KEY REFERENCES runs (id),
	notice_start  DATE,
	notice_end    DATE,
	doc_number    TEXT NOT NULL DEFAULT '',
	superseded_by BIGINT REFERENCES runs (id),
	updated_at    TIMESTAMP NOT NULL,
	updated_by    TEXT NOT NULL,
	CHECK ((notice_start IS NULL) = (notice_end IS NULL)),
	CHECK (notice_end >= notice_start),
	CHECK (superseded_by IS NULL OR superseded_by <> run_id)
);

-- An objection of a unit to its result in a run, raised during the run's
-- 公示 window and answered once by the provincial office: upheld (成立: the
-- data is corrected and the run re-run) or rejected (不成立).
CREATE TABLE result_objections (
	id          INTEGER PRIMARY KEY,
	run_id      BIGINT NOT NULL REFERENCES runs (id),
	unit_code   TEXT NOT NULL REFERENCES units (code),
	reason      TEXT NOT NULL CHECK (reason <> ''),
	attachment  TEXT NOT NULL DEFAULT '',
	raised_at   TIMESTAMP NOT NULL,
	raised_by   TEXT NOT NULL,
	answer      TEXT NOT NULL DEFAULT '',
	outcome     TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'upheld', 'rejected')),
	answered_by TEXT NOT NULL DEFAULT '',
	answered_at TIMESTAMP,
	CHECK ((outcome = '') = (answered_at IS NULL))
);
CREATE INDEX result_objections_run ON result_objections (run_id, unit_code);

-- Nothing about a published run changes: its window, number and objections
-- are part of the record.
CREATE TRIGGER run_lifecycle_published_i BEFORE INSERT ON run_lifecycle
WHEN (SELECT state FROM runs WHERE id = NEW.run_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the run is published'); END;
CREATE TRIGGER run_lifecycle_published_u BEFORE UPDATE ON run_lifecycle
WHEN (SELECT state FROM runs WHERE id = OLD.run_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the run is published'); END;
CREATE TRIGGER run_lifecycle_published_d BEFORE DELETE ON run_lifecycle
WHEN (SELECT state FROM runs WHERE id = OLD.run_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the run is published'); END;
CREATE TRIGGER result_objections_published_i BEFORE INSERT ON result_objections
WHEN (SELECT state FROM runs WHERE id = NEW.run_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the run is published'); END;
CREATE TRIGGER result_objections_published_u BEFORE UPDATE ON result_objections
WHEN (SELECT state FROM runs WHERE id = OLD.run_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the run is published'); END;
-- An answer is final, and objections are never deleted.
CREATE TRIGGER result_objections_answered_u BEFORE UPDATE ON result_objections
WHEN OLD.outcome <> ''
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: an answered objection is final'); END;
CREATE TRIGGER result_objections_append_only_d BEFORE DELETE ON result_objections
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: objections are never deleted'); END;

-- Whatever path moves a run (API, pages, CLI), a run with unanswered
-- objections is not approved, and a superseded run moves no more. A move
-- from draft is let through: a restore loads every run as a draft and then
-- gives it its state, and a superseded run is never a draft (the store
-- re-runs only runs past review).
CREATE TRIGGER runs_objections_open BEFORE UPDATE OF state ON runs
WHEN NEW.state = 'approved' AND OLD.state <> 'draft'
	AND EXISTS (SELECT 1 FROM result_objections WHERE run_id = OLD.id AND outcome = '')
BEGIN SELECT RAISE(ABORT, 'qiangxian: conflict: the run has unanswered objections'); END;
CREATE TRIGGER runs_superseded BEFORE UPDATE OF state ON runs
WHEN NEW.state <> OLD.state AND OLD.state <> 'draft'
	AND EXISTS (SELECT 1 FROM run_lifecycle WHERE run_id = OLD.id AND superseded_by IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'qiangxian: conflict: the run is superseded by a re-run'); END;
