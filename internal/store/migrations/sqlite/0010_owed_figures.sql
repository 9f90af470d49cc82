-- Figures a statistics department owes and has not supplied (issue 14):
-- when a run is computed, every figure of a department-reported indicator
-- still missing for a unit (method missing rule "owed") is recorded here,
-- and the run cannot go to public notice (公示) while it has any; the
-- office has the department supply the figure and re-runs.
-- migrations/postgres/0010 is the same schema in PostgreSQL's words.
CREATE TABLE run_owed_figures (
	run_id     BIGINT NOT NULL REFERENCES runs (id),
	unit_code  TEXT NOT NULL CHECK (unit_code <> ''),
	indicator  TEXT NOT NULL CHECK (indicator <> ''),
	department TEXT NOT NULL,
	PRIMARY KEY (run_id, unit_code, indicator)
);

-- A published run's record does not change.
CREATE TRIGGER run_owed_figures_published_i BEFORE INSERT ON run_owed_figures
WHEN (SELECT state FROM runs WHERE id = NEW.run_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the run is published'); END;
CREATE TRIGGER run_owed_figures_published_u BEFORE UPDATE ON run_owed_figures
WHEN (SELECT state FROM runs WHERE id = OLD.run_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the run is published'); END;
CREATE TRIGGER run_owed_figures_published_d BEFORE DELETE ON run_owed_figures
WHEN (SELECT state FROM runs WHERE id = OLD.run_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: the run is published'); END;
