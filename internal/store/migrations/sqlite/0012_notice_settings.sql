-- The notice (通报, issue 13): the office's notice settings per method and
-- per run (JSON of notice.Settings, layered over the method file's
-- [notice] table), and the 文号 and 成文日期 registered after the notice is
-- signed (登记回填), the office's numbering, and the formal submissions with
-- their stamped letters. migrations/postgres/0012 is the same schema.

-- scope is 'method' (ref_id a method) or 'run' (ref_id a run).
CREATE TABLE notice_settings (
	scope      TEXT NOT NULL CHECK (scope IN ('method', 'run')),
	ref_id     BIGINT NOT NULL,
	settings   TEXT NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	updated_by TEXT NOT NULL,
	PRIMARY KEY (scope, ref_id)
);

-- The registered 文号 and 成文日期 of a run's notice: recorded after
-- signing, so also on a published run; every change is audited.
CREATE TABLE notice_registrations (
	run_id     BIGINT PRIMARY KEY REFERENCES runs (id),
	doc_number TEXT NOT NULL CHECK (doc_number <> ''),
	signed_on  DATE NOT NULL,
	updated_at TIMESTAMP NOT NULL,
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

-- Formal submissions (正式报送): a department's supply of its indicators
-- for a period, or a county's confirmation of its result in a run, each
-- carried by a stamped letter (报送函 / 确认表, a PDF kept here as base64
-- text, as attachments are), with the responsible leader, a contact and
-- the day the letter was signed. The evidence behind a published result.
CREATE TABLE formal_submissions (
	id            INTEGER PRIMARY KEY,
	kind          TEXT NOT NULL CHECK (kind IN ('supply', 'confirmation')),
	period_code   TEXT NOT NULL,
	run_id        BIGINT REFERENCES runs (id),
	unit_code     TEXT REFERENCES units (code),
	department    TEXT NOT NULL DEFAULT '',
	leader        TEXT NOT NULL CHECK (leader <> ''),
	contact       TEXT NOT NULL CHECK (contact <> ''),
	phone         TEXT NOT NULL CHECK (phone <> ''),
	signed_on     DATE NOT NULL,
	letter_name   TEXT NOT NULL,
	letter_size   BIGINT NOT NULL,
	letter_sha256 TEXT NOT NULL,
	letter        TEXT NOT NULL,
	submitted_at  TIMESTAMP NOT NULL,
	submitted_by  TEXT NOT NULL,
	CHECK (kind = 'supply' AND department <> '' OR kind = 'confirmation' AND unit_code IS NOT NULL AND run_id IS NOT NULL)
);
CREATE INDEX formal_submissions_period ON formal_submissions (period_code, kind);
