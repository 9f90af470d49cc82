package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// Sessions and API tokens live in the database, stored as hashes of the
// tokens (auth.HashToken), so that any replica can check any token and a
// copy of the database logs nobody in.
//
// Refreshing last_seen and last_used is the one write the store makes
// without an audit row: it records use, not a change of record, and would
// otherwise write an audit row per request.

// touchEvery is how stale last_seen may get before a read refreshes it; it
// bounds the writes per session to one a minute and the idle check's error
// to a minute.
const touchEvery = time.Minute

// Session is a browser login.
type Session struct {
	TokenHash string
	UserID    int64
	CreatedAt time.Time
	LastSeen  time.Time
}

// CreateSession starts a session for the user named username and returns
// its token, to be set in a cookie; only its hash is stored.
func (db *DB) CreateSession(ctx context.Context, username string) (token string, s Session, err error) {
	defer wrap(&err, "CreateSession(%q)", username)
	if token, err = auth.NewToken(); err != nil {
		return "", s, err
	}
	s.TokenHash = auth.HashToken(token)
	err = db.change(ctx, Actor{Username: username}, func(t *txn) error {
		if err := t.QueryRow(`SELECT id FROM users WHERE username = $1 AND NOT disabled`, username).Scan(&s.UserID); err != nil {
			return err
		}
		s.CreatedAt, s.LastSeen = t.now, t.now
		if _, err := t.Exec(`INSERT INTO sessions (token_hash, user_id, created_at, last_seen) VALUES ($1, $2, $3, $4)`,
			s.TokenHash, s.UserID, s.CreatedAt, s.LastSeen); err != nil {
			return err
		}
		return t.audit("login", "session", s.TokenHash[:12], nil)
	})
	return token, s, err
}

// SessionUser returns the user of the session with token. A session idle
// for longer than idle is deleted and reported as ErrExpired; an unknown
// token, or one whose user is disabled, is ErrNotFound.
func (db *DB) SessionUser(ctx context.Context, token string, idle time.Duration) (u User, err error) {
	defer wrap(&err, "SessionUser")
	h := auth.HashToken(token)
	var last time.Time
	u, err = scanUserWith(db.sql.QueryRowContext(ctx, `SELECT s.last_seen, `+prefixed("u.", userColumns)+`
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND NOT u.disabled`, h), &last)
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	if err != nil {
		return u, err
	}
	now := db.timestamp()
	if now.Sub(last.UTC()) > idle {
		if _, err := db.sql.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, h); err != nil {
			return u, err
		}
		return User{}, fmt.Errorf("%w: session idle since %s", ErrExpired, last.UTC().Format(time.RFC3339))
	}
	if now.Sub(last.UTC()) >= touchEvery {
		if _, err := db.sql.ExecContext(ctx, `UPDATE sessions SET last_seen = $1 WHERE token_hash = $2`, now, h); err != nil {
			return u, err
		}
	}
	return u, nil
}

// scanUserWith scans a user row preceded by one extra column.
func scanUserWith(s scanner, first any) (User, error) {
	return scanUser(scannerFunc(func(dest ...any) error { return s.Scan(append([]any{first}, dest...)...) }))
}

type scannerFunc func(dest ...any) error

func (f scannerFunc) Scan(dest ...any) error { return f(dest...) }

// prefixed qualifies every column of a column list with a table alias.
func prefixed(alias, cols string) string {
	out := ""
	for i, c := range splitColumns(cols) {
		if i > 0 {
			out += ", "
		}
		out += alias + c
	}
	return out
}

// DeleteSession ends the session with token (logout).
func (db *DB) DeleteSession(ctx context.Context, token string) (err error) {
	defer wrap(&err, "DeleteSession")
	h := auth.HashToken(token)
	var username string
	err = db.sql.QueryRowContext(ctx, `SELECT u.username FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = $1`, h).Scan(&username)
	if err != nil {
		return err
	}
	return db.change(ctx, Actor{Username: username}, func(t *txn) error {
		if _, err := t.Exec(`DELETE FROM sessions WHERE token_hash = $1`, h); err != nil {
			return err
		}
		return t.audit("logout", "session", h[:12], nil)
	})
}

// DeleteIdleSessions removes the sessions idle for longer than idle (those
// nobody will present again are otherwise only removed when presented) and
// returns how many it removed.
func (db *DB) DeleteIdleSessions(ctx context.Context, actor Actor, idle time.Duration) (n int64, err error) {
	defer wrap(&err, "DeleteIdleSessions")
	err = db.change(ctx, actor, func(t *txn) error {
		res, err := t.Exec(`DELETE FROM sessions WHERE last_seen < $1`, t.now.Add(-idle))
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		return t.audit("expire", "session", "", map[string]int64{"sessions": n})
	})
	return n, err
}

// RecordLogin records a login attempt, successful or not, for throttling and
// in the audit log.
func (db *DB) RecordLogin(ctx context.Context, username, remote string, success bool) (err error) {
	defer wrap(&err, "RecordLogin(%q)", username)
	action := "login_failed"
	if success {
		action = "login_ok"
	}
	return db.recordAttempt(ctx, username, remote, success, action)
}
