-- Development zones (issue 18): the registry beside the zone and sub-park
-- units of 0001, their renames, mergers and upgrades, the grade history
-- (years before the system imported, later ones assessed) and external
-- national list positions. migrations/postgres/0014 is the same schema in
-- PostgreSQL's words.
--
-- Areas are 公顷; coordinates WGS84/CGCS2000 degrees (display conversion
-- only). Years are plain integers.

-- One row per zone unit: level national|provincial|other, kind free text
-- (经济技术开发区, 高新技术产业开发区, 化工园区 …), up to three leading
-- industries joined by '、', the 化工园区 安全风险等级 (A highest risk,
-- '' for other kinds), and example marks a generated demo zone (示例).
CREATE TABLE zones (
	code          TEXT PRIMARY KEY REFERENCES units (code),
	level         TEXT NOT NULL CHECK (level IN ('national', 'provincial', 'other')),
	kind          TEXT NOT NULL CHECK (kind <> ''),
	approval_doc  TEXT NOT NULL DEFAULT '',
	approval_year INTEGER NOT NULL DEFAULT 0,
	area_approved DOUBLE PRECISION,
	area_planned  DOUBLE PRECISION,
	area_built    DOUBLE PRECISION,
	industries    TEXT NOT NULL DEFAULT '',
	lat           DOUBLE PRECISION,
	lon           DOUBLE PRECISION,
	risk_class    TEXT NOT NULL DEFAULT '',
	example       BOOLEAN NOT NULL DEFAULT FALSE
);

-- The registry part of a sub-park unit (一区多园): its host (a county, or a
-- prefecture without counties) and the shares of its output and tax that
-- its zone's score counts (shared parks, 飞地); statistics never use them.
CREATE TABLE zone_subparks (
	code         TEXT PRIMARY KEY REFERENCES units (code),
	host_code    TEXT NOT NULL REFERENCES units (code),
	industry     TEXT NOT NULL DEFAULT '',
	output_share DOUBLE PRECISION NOT NULL DEFAULT 1 CHECK (output_share >= 0 AND output_share <= 1),
	tax_share    DOUBLE PRECISION NOT NULL DEFAULT 1 CHECK (tax_share >= 0 AND tax_share <= 1)
);

-- Renames and mergers carry a zone's history to to_code; an upgrade (to
-- national level, in year) ends its streak. Codes are opaque: an old code
-- need not be a unit any more.
CREATE TABLE zone_changes (
	id        INTEGER PRIMARY KEY,
	kind      TEXT NOT NULL CHECK (kind IN ('rename', 'merge', 'upgrade')),
	from_code TEXT NOT NULL,
	to_code   TEXT NOT NULL DEFAULT '',
	year      INTEGER NOT NULL,
	document  TEXT NOT NULL DEFAULT '',
	CHECK ((kind = 'upgrade') = (to_code = '')),
	CHECK (from_code <> to_code)
);

-- A zone's result in a held year: imported (before the system) or
-- assessed. Every year present is a held year.
CREATE TABLE zone_grades (
	zone_code  TEXT NOT NULL,
	year       INTEGER NOT NULL,
	grp        TEXT NOT NULL DEFAULT '',
	group_rank DOUBLE PRECISION CHECK (group_rank >= 1),
	score      DOUBLE PRECISION,
	grade      TEXT NOT NULL DEFAULT '',
	source     TEXT NOT NULL CHECK (source IN ('imported', 'assessed')),
	PRIMARY KEY (zone_code, year)
);
CREATE INDEX zone_grades_year ON zone_grades (year, grp);

-- The indicator values and scores behind an assessed year, for the zone page.
CREATE TABLE zone_values (
	zone_code TEXT NOT NULL,
	year      INTEGER NOT NULL,
	indicator TEXT NOT NULL,
	name      TEXT NOT NULL DEFAULT '',
	unit      TEXT NOT NULL DEFAULT '',
	value     DOUBLE PRECISION,
	score     DOUBLE PRECISION,
	PRIMARY KEY (zone_code, year, indicator)
);

-- External facts: a zone's place in a national list of a year (e.g. 79th
-- in a top-100 list), with the source it was read from.
CREATE TABLE zone_positions (
	zone_code TEXT NOT NULL REFERENCES units (code),
	year      INTEGER NOT NULL,
	list      TEXT NOT NULL CHECK (list <> ''),
	position  INTEGER NOT NULL CHECK (position >= 1),
	source    TEXT NOT NULL CHECK (source <> ''),
	PRIMARY KEY (zone_code, year, list)
);

-- The method that assessed a year's zones (its [[grade]] and [[management]]
-- tables are what the zone pages apply to the history).
CREATE TABLE zone_methods (
	year      INTEGER PRIMARY KEY,
	method_id BIGINT NOT NULL REFERENCES methods (id)
);
