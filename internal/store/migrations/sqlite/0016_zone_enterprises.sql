-- Development zones II (issue 19): the enterprises of the zones by year,
-- their 亩均效益 grading with the scheme that graded them, the land figures
-- of the zones, output targets and reported values, and the tiers file.
-- migrations/postgres/0016 is the same schema in PostgreSQL's words.
--
-- Money is 万元 unless a row says otherwise, enterprise land 亩, zone land
-- 公顷, energy tonnes of standard coal (tce). A figure not reported is NULL.

-- One enterprise of a zone in a year (the year of its figures). land_mu is
-- the land it uses: owned + leased in − leased out (leased land counts to
-- its user), the parts kept beside it. industry is a GB/T 4754 code (C3311,
-- C33 …), county the division hosting the enterprise, regulated the 规上
-- flag, accident a major safety or environmental accident in the year (an
-- override of the grading), example a generated demo enterprise (示例).
-- A year's rows are replaced as a whole per zone by an import (a revision,
-- recorded in zone_enterprise_revisions and the audit log).
CREATE TABLE zone_enterprises (
	year            INTEGER NOT NULL,
	zone_code       TEXT NOT NULL REFERENCES units (code),
	subpark         TEXT NOT NULL DEFAULT '',
	uscc            TEXT NOT NULL CHECK (length(uscc) = 18),
	name            TEXT NOT NULL CHECK (name <> ''),
	industry        TEXT NOT NULL DEFAULT '',
	county          TEXT NOT NULL DEFAULT '',
	regulated       BOOLEAN NOT NULL DEFAULT FALSE,
	land_mu         DOUBLE PRECISION,
	land_owned      DOUBLE PRECISION,
	land_leased_in  DOUBLE PRECISION,
	land_leased_out DOUBLE PRECISION,
	start_year      INTEGER NOT NULL DEFAULT 0,
	output          DOUBLE PRECISION,
	value_added     DOUBLE PRECISION,
	tax             DOUBLE PRECISION,
	energy_tce      DOUBLE PRECISION,
	emissions       DOUBLE PRECISION,
	rd              DOUBLE PRECISION,
	employees       INTEGER,
	accident        BOOLEAN NOT NULL DEFAULT FALSE,
	example         BOOLEAN NOT NULL DEFAULT FALSE,
	UNIQUE (year, zone_code, uscc)
);
CREATE INDEX zone_enterprises_zone ON zone_enterprises (zone_code, year);
CREATE INDEX zone_enterprises_industry ON zone_enterprises (year, industry);

-- Every import of a year's enterprises: which zones it replaced, how many
-- rows it brought, added, changed and removed, from which file, by whom.
-- revision counts the imports of the year from 1.
CREATE TABLE zone_enterprise_revisions (
	id          INTEGER PRIMARY KEY,
	year        INTEGER NOT NULL,
	revision    INTEGER NOT NULL,
	zones       TEXT NOT NULL,
	source      TEXT NOT NULL DEFAULT '',
	rows        INTEGER NOT NULL,
	added       INTEGER NOT NULL,
	changed     INTEGER NOT NULL,
	removed     INTEGER NOT NULL,
	imported_by TEXT NOT NULL,
	imported_at TIMESTAMP NOT NULL,
	UNIQUE (year, revision)
);

-- The 亩均效益 scheme (mujun TOML) that graded a year, and when.
CREATE TABLE zone_mujun_schemes (
	year      INTEGER PRIMARY KEY,
	scheme    TEXT NOT NULL,
	graded_by TEXT NOT NULL,
	graded_at TIMESTAMP NOT NULL
);

-- An enterprise's grading in a year under that year's scheme: eligible or
-- not, score and rank (NULL when not graded), the class its score gives
-- and the final class after overrides and quotas, whether an override
-- fixed it, the indicator values and points as JSON arrays in the
-- scheme's indicator order, and the reasons in both languages (one a
-- line).
CREATE TABLE zone_enterprise_grades (
	year       INTEGER NOT NULL,
	zone_code  TEXT NOT NULL,
	uscc       TEXT NOT NULL,
	eligible   BOOLEAN NOT NULL,
	score      DOUBLE PRECISION,
	rank       INTEGER NOT NULL DEFAULT 0,
	by_score   TEXT NOT NULL DEFAULT '',
	class      TEXT NOT NULL DEFAULT '',
	fixed      BOOLEAN NOT NULL DEFAULT FALSE,
	vals       TEXT NOT NULL DEFAULT '[]',
	points     TEXT NOT NULL DEFAULT '[]',
	reasons_zh TEXT NOT NULL DEFAULT '',
	reasons_en TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (year, zone_code, uscc)
);
CREATE INDEX zone_enterprise_grades_class ON zone_enterprise_grades (year, class);

-- A zone's land figures of a year (公顷, 万平方米, 万元), as
-- landuse.Land names them.
CREATE TABLE zone_land (
	zone_code           TEXT NOT NULL REFERENCES units (code),
	year                INTEGER NOT NULL,
	total               DOUBLE PRECISION,
	available           DOUBLE PRECISION,
	supplied            DOUBLE PRECISION,
	built               DOUBLE PRECISION,
	floor_area          DOUBLE PRECISION,
	industrial_built    DOUBLE PRECISION,
	industrial_floor    DOUBLE PRECISION,
	industrial_invest   DOUBLE PRECISION,
	tax                 DOUBLE PRECISION,
	industrial_tax      DOUBLE PRECISION,
	unsupplied          DOUBLE PRECISION,
	unsupplied_disposed DOUBLE PRECISION,
	idle                DOUBLE PRECISION,
	idle_disposed       DOUBLE PRECISION,
	PRIMARY KEY (zone_code, year)
);

-- Output targets: reach value of measure (工业总产值, 营业收入 …, in 亿元) by
-- year. unit is a zone code or a cluster name of the tiers file.
CREATE TABLE zone_targets (
	unit    TEXT NOT NULL CHECK (unit <> ''),
	measure TEXT NOT NULL CHECK (measure <> ''),
	year    INTEGER NOT NULL,
	value   DOUBLE PRECISION NOT NULL CHECK (value > 0),
	PRIMARY KEY (unit, measure, year)
);

-- Reported values of the measures (亿元), by unit and year.
CREATE TABLE zone_actuals (
	unit    TEXT NOT NULL CHECK (unit <> ''),
	measure TEXT NOT NULL CHECK (measure <> ''),
	year    INTEGER NOT NULL,
	value   DOUBLE PRECISION NOT NULL,
	PRIMARY KEY (unit, measure, year)
);

-- The tiers file (target.Config TOML: tiers, province targets, clusters);
-- one row, name 'tiers'.
CREATE TABLE zone_configs (
	name       TEXT PRIMARY KEY CHECK (name IN ('tiers')),
	body       TEXT NOT NULL,
	updated_by TEXT NOT NULL,
	updated_at TIMESTAMP NOT NULL
);
