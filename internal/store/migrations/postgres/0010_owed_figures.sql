-- Figures a statistics department owes and has not supplied (issue 14):
-- when a run is computed, every figure of a department-reported indicator
-- still missing for a unit (method missing rule "owed") is recorded here,
-- and the run cannot go to public notice (公示) while it has any; the
-- office has the department supply the figure and re-runs.
-- migrations/sqlite/0010 is the same schema in SQLite's words.
CREATE TABLE run_owed_figures (
	run_id     BIGINT NOT NULL REFERENCES runs (id),
	unit_code  TEXT NOT NULL CHECK (unit_code <> ''),
	indicator  TEXT NOT NULL CHECK (indicator <> ''),
	department TEXT NOT NULL,
	PRIMARY KEY (run_id, unit_code, indicator)
);

-- A published run's record does not change (qx_run_rows_published, from
-- 0001, guards rows by their run's state).
CREATE TRIGGER run_owed_figures_published BEFORE INSERT OR UPDATE OR DELETE ON run_owed_figures
FOR EACH ROW EXECUTE FUNCTION qx_run_rows_published();
