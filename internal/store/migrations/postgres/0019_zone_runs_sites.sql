-- Zone assessments as runs, and the investment map's ready sites (issue
-- 18 items 3 and 5, issue 20 item 6). migrations/sqlite/0019 is the same
-- schema in the other dialect's words.

-- A run evaluates either counties (the county method) or development zones
-- (a zone method): both go through the same lifecycle (公示, objections,
-- approval with four eyes, publication, supersession), and county pages
-- list only county runs.
ALTER TABLE runs ADD COLUMN domain TEXT NOT NULL DEFAULT 'county' CHECK (domain IN ('county', 'zone'));

-- A zone run's results: each zone's group, group rank, score and grade
-- (the grade as computed; the rules of package zone add streaks and
-- warnings from the history), and the indicator values and scores behind
-- them. Codes are opaque, as in zone_grades: a former code (before a
-- rename or merger) need not be a unit any more. Publishing the run copies
-- its rows into zone_grades and zone_values, the published history.
CREATE TABLE zone_run_grades (
	run_id     BIGINT NOT NULL REFERENCES runs (id),
	zone_code  TEXT NOT NULL,
	grp        TEXT NOT NULL DEFAULT '',
	group_rank DOUBLE PRECISION CHECK (group_rank >= 1),
	score      DOUBLE PRECISION,
	grade      TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (run_id, zone_code)
);

CREATE TABLE zone_run_values (
	run_id    BIGINT NOT NULL REFERENCES runs (id),
	zone_code TEXT NOT NULL,
	indicator TEXT NOT NULL,
	name      TEXT NOT NULL DEFAULT '',
	unit      TEXT NOT NULL DEFAULT '',
	value     DOUBLE PRECISION,
	score     DOUBLE PRECISION,
	PRIMARY KEY (run_id, zone_code, indicator)
);

-- A zone's ready sites for investors (招商地图): industrial land available
-- (亩), standard factory floor available (m²), and utility prices for
-- industry — water 元/吨, electricity 元/千瓦时, gas 元/立方米 — as of a day,
-- with where they were read. NULL where not reported; example marks
-- generated demo figures (示例).
CREATE TABLE zone_sites (
	zone_code   TEXT PRIMARY KEY REFERENCES units (code),
	land_mu     DOUBLE PRECISION CHECK (land_mu >= 0),
	factory_m2  DOUBLE PRECISION CHECK (factory_m2 >= 0),
	water_price DOUBLE PRECISION CHECK (water_price >= 0),
	power_price DOUBLE PRECISION CHECK (power_price >= 0),
	gas_price   DOUBLE PRECISION CHECK (gas_price >= 0),
	price_date  DATE,
	source      TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT '',
	example     BOOLEAN NOT NULL DEFAULT FALSE,
	updated_at  TIMESTAMP NOT NULL,
	updated_by  TEXT NOT NULL
);
