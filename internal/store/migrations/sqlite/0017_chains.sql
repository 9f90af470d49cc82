-- Industrial chains (issue 20): each chain's map of nodes on GB/T 4754
-- industry codes and its weak-link rules, its 链长 (a post), lead
-- department and 专班, annual tasks, key projects, enterprises and source
-- regions, 链主 with the year named and the annual excellent-链主 list, the
-- counties whose key chain it is, reported 本地配套率, the imported size
-- lists (世界500强 …), and the target enterprises of weak nodes with their
-- dated notes. Ledger projects gain an industry code and an explicit node.
-- migrations/postgres/0017 is the same schema in PostgreSQL's words.

CREATE TABLE chains (
	id            INTEGER PRIMARY KEY,
	code          TEXT NOT NULL UNIQUE CHECK (code <> ''),
	name          TEXT NOT NULL,
	leader_post   TEXT NOT NULL DEFAULT '',
	lead_dept     TEXT NOT NULL DEFAULT '',
	min_local     INTEGER NOT NULL DEFAULT 3,
	need_pipeline BOOLEAN NOT NULL DEFAULT TRUE,
	min_supply    DOUBLE PRECISION NOT NULL DEFAULT 0,
	note          TEXT NOT NULL DEFAULT '',
	updated_at    TIMESTAMP NOT NULL,
	updated_by    TEXT NOT NULL
);

-- industries and inputs are comma-separated lists.
CREATE TABLE chain_nodes (
	chain_id   BIGINT NOT NULL REFERENCES chains (id),
	position   INTEGER NOT NULL,
	code       TEXT NOT NULL,
	name       TEXT NOT NULL,
	segment    TEXT NOT NULL,
	industries TEXT NOT NULL DEFAULT '',
	inputs     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (chain_id, code)
);

-- The 专班: users (by login) with their duty in it.
CREATE TABLE chain_members (
	chain_id BIGINT NOT NULL REFERENCES chains (id),
	username TEXT NOT NULL,
	duty     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (chain_id, username)
);

CREATE TABLE chain_tasks (
	id       INTEGER PRIMARY KEY,
	chain_id BIGINT NOT NULL REFERENCES chains (id),
	year     INTEGER NOT NULL,
	title    TEXT NOT NULL,
	status   TEXT NOT NULL,
	note     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX chain_tasks_chain ON chain_tasks (chain_id, year, id);

-- Key projects (kind 'project', ref a 项目编号), key enterprises
-- ('enterprise', ref a USCC) and assigned source regions ('region').
CREATE TABLE chain_keys (
	chain_id BIGINT NOT NULL REFERENCES chains (id),
	kind     TEXT NOT NULL CHECK (kind IN ('project', 'enterprise', 'region')),
	position INTEGER NOT NULL,
	ref      TEXT NOT NULL DEFAULT '',
	name     TEXT NOT NULL,
	PRIMARY KEY (chain_id, kind, position)
);

-- 链主: named in a year; chain_excellent is the annual excellent-链主 list.
CREATE TABLE chain_leads (
	chain_id   BIGINT NOT NULL REFERENCES chains (id),
	uscc       TEXT NOT NULL,
	name       TEXT NOT NULL,
	county     TEXT NOT NULL DEFAULT '',
	named_year INTEGER NOT NULL,
	PRIMARY KEY (chain_id, uscc)
);
CREATE TABLE chain_excellent (
	chain_id BIGINT NOT NULL REFERENCES chains (id),
	year     INTEGER NOT NULL,
	uscc     TEXT NOT NULL,
	name     TEXT NOT NULL,
	PRIMARY KEY (chain_id, year, uscc)
);

-- The counties whose key chains (重点产业链) a chain is.
CREATE TABLE chain_places (
	chain_id BIGINT NOT NULL REFERENCES chains (id),
	county   TEXT NOT NULL,
	PRIMARY KEY (chain_id, county)
);
CREATE INDEX chain_places_county ON chain_places (county, chain_id);

-- 本地配套率 reported per node and place (county or prefecture code).
CREATE TABLE chain_supply (
	chain_id BIGINT NOT NULL REFERENCES chains (id),
	node     TEXT NOT NULL,
	place    TEXT NOT NULL,
	year     INTEGER NOT NULL,
	ratio    DOUBLE PRECISION NOT NULL CHECK (ratio >= 0 AND ratio <= 1),
	PRIMARY KEY (chain_id, node, place, year)
);

-- Imported size lists: 世界500强, 中国500强, 民营500强 of a year.
CREATE TABLE size_lists (
	list_name TEXT NOT NULL,
	year      INTEGER NOT NULL,
	position  INTEGER NOT NULL,
	name      TEXT NOT NULL,
	uscc      TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (list_name, year, position)
);
CREATE INDEX size_lists_name ON size_lists (name);

-- Target enterprises of a chain's node, pursued by a county; a signed one
-- names its ledger project (project_id), which names it back through
-- invest_projects.chain_node and this table.
CREATE TABLE chain_targets (
	id         INTEGER PRIMARY KEY,
	chain_id   BIGINT NOT NULL REFERENCES chains (id),
	node       TEXT NOT NULL,
	county     TEXT NOT NULL,
	name       TEXT NOT NULL,
	uscc       TEXT NOT NULL DEFAULT '',
	location   TEXT NOT NULL DEFAULT '',
	status     TEXT NOT NULL,
	officer    TEXT NOT NULL DEFAULT '',
	project_id TEXT NOT NULL DEFAULT '',
	signed_day INTEGER NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL,
	created_by TEXT NOT NULL
);
CREATE INDEX chain_targets_chain ON chain_targets (chain_id, node, id);
CREATE INDEX chain_targets_county ON chain_targets (county, id);

CREATE TABLE chain_target_notes (
	id          INTEGER PRIMARY KEY,
	target_id   BIGINT NOT NULL REFERENCES chain_targets (id),
	day         INTEGER NOT NULL,
	from_status TEXT NOT NULL,
	to_status   TEXT NOT NULL,
	note        TEXT NOT NULL DEFAULT '',
	officer     TEXT NOT NULL DEFAULT '',
	noted_at    TIMESTAMP NOT NULL,
	by_user     TEXT NOT NULL
);
CREATE INDEX chain_target_notes_target ON chain_target_notes (target_id, id);

-- A ledger project's GB/T 4754 industry and, optionally, its explicit node
-- written chain code "/" node code.
ALTER TABLE invest_projects ADD COLUMN industry TEXT NOT NULL DEFAULT '';
ALTER TABLE invest_projects ADD COLUMN chain_node TEXT NOT NULL DEFAULT '';
