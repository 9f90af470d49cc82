-- The investment ledger's monthly reporting (issue 17): each month's task
-- with its deadline (after which the month is locked unless the province
-- reopens it until reopened_till) and whether the province published it;
-- each county's report of a month, its content (the ledger's CSV rows) and
-- where it stands (invest.ReportState at invest.ReportLevel), with every
-- step and opinion; the first-contact register (首报首谈).
-- migrations/postgres/0013 is the same schema in PostgreSQL's words.
CREATE TABLE invest_months (
	month         INTEGER PRIMARY KEY,
	deadline      TIMESTAMP NOT NULL,
	reopened_till TIMESTAMP NOT NULL,
	published     BOOLEAN NOT NULL DEFAULT FALSE,
	created_by    TEXT NOT NULL
);

CREATE TABLE invest_reports (
	id         INTEGER PRIMARY KEY,
	month      INTEGER NOT NULL,
	county     TEXT NOT NULL,
	state      TEXT NOT NULL,
	level      TEXT NOT NULL,
	projects   TEXT NOT NULL DEFAULT '',
	funds      TEXT NOT NULL DEFAULT '',
	revision   BIGINT NOT NULL DEFAULT 0,
	updated_at TIMESTAMP NOT NULL,
	updated_by TEXT NOT NULL,
	UNIQUE (month, county)
);
CREATE INDEX invest_reports_state ON invest_reports (state, level, month);

CREATE TABLE invest_report_steps (
	id        INTEGER PRIMARY KEY,
	report_id BIGINT NOT NULL REFERENCES invest_reports (id),
	action    TEXT NOT NULL,
	level     TEXT NOT NULL,
	state     TEXT NOT NULL,
	opinion   TEXT NOT NULL DEFAULT '',
	done_at   TIMESTAMP NOT NULL,
	by_user   TEXT NOT NULL
);
CREATE INDEX invest_report_steps_report ON invest_report_steps (report_id, id);

CREATE TABLE invest_contacts (
	id            INTEGER PRIMARY KEY,
	investor_code TEXT NOT NULL,
	investor      TEXT NOT NULL,
	county        TEXT NOT NULL,
	day           INTEGER NOT NULL,
	note          TEXT NOT NULL DEFAULT '',
	noted_at      TIMESTAMP NOT NULL,
	by_user       TEXT NOT NULL
);
CREATE INDEX invest_contacts_code ON invest_contacts (investor_code, id);

-- Duplicate detection looks the reported investors up in the ledger.
CREATE INDEX invest_projects_investor ON invest_projects (investor_code, project_id)
	WHERE superseded_by IS NULL AND investor_code <> '';

-- Random verification (抽查核实): a reduction (核减, whole 元) of a
-- project's counted funds of a month, with its reason, recorded as its own
-- revision. The ledger reads it as a negative counted funds row that no
-- later import of the month replaces, so that every later figure — and
-- the base of next year's growth — is the verified one.
CREATE TABLE invest_verifications (
	id          INTEGER PRIMARY KEY,
	revision_id BIGINT NOT NULL REFERENCES revisions (id),
	project_id  TEXT NOT NULL,
	month       INTEGER NOT NULL,
	reduction   BIGINT NOT NULL CHECK (reduction > 0),
	reason      TEXT NOT NULL,
	verified_at TIMESTAMP NOT NULL,
	by_user     TEXT NOT NULL
);
CREATE INDEX invest_verifications_project ON invest_verifications (project_id, id);

-- The ledger's pages list a county's or a prefecture's current projects,
-- newest 项目编号 first.
CREATE INDEX invest_projects_county ON invest_projects (county, project_id)
	WHERE superseded_by IS NULL;
