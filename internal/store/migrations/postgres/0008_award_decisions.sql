-- The office's decisions of ties at an award's last place (issue 14): when
-- the method cannot break a tie, the results mark the tied units 待认定
-- (award label 待认定:十强县) and the run does not leave review until a
-- decision names the units that take the places, with the meeting
-- reference. migrations/sqlite/0008 is the same schema in SQLite's words.

-- One row per run and award label (十强县, 先进县(文旅赋能型)); units is
-- the comma-separated list of the units' codes. A decision can be
-- replaced while the run is in review.
CREATE TABLE award_decisions (
	run_id     BIGINT NOT NULL REFERENCES runs (id),
	award      TEXT NOT NULL CHECK (award <> ''),
	units      TEXT NOT NULL CHECK (units <> ''),
	reference  TEXT NOT NULL CHECK (reference <> ''),
	decided_at TIMESTAMPTZ NOT NULL,
	decided_by TEXT NOT NULL,
	PRIMARY KEY (run_id, award)
);

-- A published run's decisions are part of its record (qx_run_rows_published,
-- from 0001, guards rows by their run's state).
CREATE TRIGGER award_decisions_published BEFORE INSERT OR UPDATE OR DELETE ON award_decisions
FOR EACH ROW EXECUTE FUNCTION qx_run_rows_published();
