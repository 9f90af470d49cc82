-- The change generation: one counter that every committed change of record
-- increments (DB.change, last statement before COMMIT), so that a server
-- can tell with one tiny read whether anything it keeps in memory (pages,
-- API tokens) may have changed, on whichever replica the change was made.
CREATE TABLE generations (
	name TEXT PRIMARY KEY,
	n    BIGINT NOT NULL
);
INSERT INTO generations (name, n) VALUES ('changes', 0);

-- Figures ordered by period first (issue 11): an import is one period,
-- mostly a new one, so its rows now land side by side at one place of the
-- B-tree instead of between the stored figures of every other period of
-- the same county and indicator. With the old order (unit, indicator,
-- period, revision) a 399,000-figure import into 3,990,000 stored figures
-- touched every page of the table (488 MB written against 46 MB into an
-- empty one, twice the time); now it costs what it imports. The key is
-- still the figure identity plus its revision — every lookup of one figure
-- gives all three parts — and its order is the order Observations returns.
ALTER TABLE observations DROP CONSTRAINT observations_pkey;
ALTER TABLE observations ADD PRIMARY KEY (period_code, indicator_code, unit_code, revision_id);
