-- Password policy and two-factor login (issue 23, 等保 identification and
-- authentication). must_change_password is set by an administrator's reset
-- and cleared when the user sets her own; password_history keeps the
-- hashes a user had, to refuse a new password repeating one of the last N;
-- user_totp holds a user's RFC 6238 secret, and the last time step used so
-- that a code is accepted once. migrations/sqlite/0009 is the same schema.

ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE password_history (
	user_id       BIGINT NOT NULL REFERENCES users (id),
	password_hash TEXT NOT NULL,
	replaced_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX password_history_user ON password_history (user_id, replaced_at);

CREATE TABLE user_totp (
	user_id    BIGINT PRIMARY KEY REFERENCES users (id),
	secret     TEXT NOT NULL CHECK (secret <> ''),
	last_step  BIGINT NOT NULL DEFAULT 0,
	created_at TIMESTAMPTZ NOT NULL
);

-- Tamper evidence of the audit log: each row written from now on carries
-- chain = SHA-256 of the previous row's chain and its own fields (see
-- store/audit_chain.go); `qiangxian audit verify` recomputes it. Rows
-- written before this migration keep chain = ''.
ALTER TABLE audit_log ADD COLUMN chain TEXT NOT NULL DEFAULT '';
