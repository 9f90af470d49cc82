-- The notice (通报, issue 13): the office's notice settings per method and
-- per run (JSON of notice.Settings, layered over the method file's
-- [notice] table), and the 文号 and 成文日期 registered after the notice is
-- signed (登记回填). migrations/sqlite/0012 is the same schema.

-- scope is 'method' (ref_id a method) or 'run' (ref_id a run).
CREATE TABLE notice_settings (
	scope      TEXT NOT NULL CHECK (scope IN ('method', 'run')),
	ref_id     BIGINT NOT NULL,
	settings   TEXT NOT NULL,
	updated_at TIMESTAMPTZ NOT NULL,
	updated_by TEXT NOT NULL,
	PRIMARY KEY (scope, ref_id)
);

-- The registered 文号 and 成文日期 of a run's notice: recorded after
-- signing, so also on a published run; every change is audited.
CREATE TABLE notice_registrations (
	run_id     BIGINT PRIMARY KEY REFERENCES runs (id),
	doc_number TEXT NOT NULL CHECK (doc_number <> ''),
	signed_on  DATE NOT NULL,
	updated_at TIMESTAMPTZ NOT NULL,
	updated_by TEXT NOT NULL
);

-- The office's own numbering: the last number given per prefix and year
-- (甘县评办发〔2023〕3号: prefix 甘县评办发, year 2023, number 3), for the
-- documents it issues itself.
CREATE TABLE notice_sequences (
	prefix  TEXT NOT NULL CHECK (prefix <> ''),
	year    INTEGER NOT NULL,
	last_no INTEGER NOT NULL,
	PRIMARY KEY (prefix, year)
);
