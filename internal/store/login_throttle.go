package store

import (
	"context"
	"time"
)

// LoginHistory is what login throttling needs to know about one attempt's
// username and address: the failures of the pair since its last success
// (and since a horizon), the last of them, and the failures from the
// address in a short recent window, whatever the username.
type LoginHistory struct {
	PairFailures   int
	LastFailure    time.Time // zero when PairFailures is 0
	RemoteFailures int
}

// LoginHistoryOf reads the login attempts of username from remote since
// pairSince, counting those after the pair's last success, and the failed
// attempts from remote since remoteSince. Both login and the current-password
// check of a password change record their attempts (RecordLogin,
// RecordPasswordCheck), so both are throttled on one history.
func (db *DB) LoginHistoryOf(ctx context.Context, username, remote string, pairSince, remoteSince time.Time) (h LoginHistory, err error) {
	defer wrap(&err, "LoginHistoryOf(%q, %q)", username, remote)
	rows, err := db.sql.QueryContext(ctx, `SELECT a.at FROM login_attempts a
		WHERE a.username = $1 AND a.remote = $2 AND NOT a.success AND a.at >= $3
		AND NOT EXISTS (SELECT 1 FROM login_attempts s
			WHERE s.username = $1 AND s.remote = $2 AND s.success AND s.at > a.at)`,
		loginName(username), remote, pairSince.UTC())
	if err != nil {
		return h, err
	}
	defer rows.Close()
	for rows.Next() {
		var at time.Time
		if err := rows.Scan(&at); err != nil {
			return h, err
		}
		h.PairFailures++
		if at.After(h.LastFailure) {
			h.LastFailure = at.UTC()
		}
	}
	if err := rows.Err(); err != nil {
		return h, err
	}
	err = db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM login_attempts WHERE remote = $1 AND NOT success AND at >= $2`,
		remote, remoteSince.UTC()).Scan(&h.RemoteFailures)
	return h, err
}

// RecordPasswordCheck records the check of a user's current password when
// she changes it, as a login attempt (the two are throttled together) and in
// the audit log.
func (db *DB) RecordPasswordCheck(ctx context.Context, username, remote string, success bool) (err error) {
	defer wrap(&err, "RecordPasswordCheck(%q)", username)
	action := "password_check_failed"
	if success {
		action = "password_check_ok"
	}
	return db.recordAttempt(ctx, username, remote, success, action)
}

func (db *DB) recordAttempt(ctx context.Context, username, remote string, success bool, action string) error {
	username = loginName(username)
	return db.change(ctx, Actor{Username: username}, func(t *txn) error {
		if _, err := t.Exec(`INSERT INTO login_attempts (username, remote, at, success) VALUES ($1, $2, $3, $4)`,
			username, remote, t.now, success); err != nil {
			return err
		}
		return t.audit(action, "user", username, map[string]string{"remote": remote})
	})
}

// RecordThrottled writes to the audit log an attempt refused unchecked
// because of earlier failures: what ("login" or "password_check") by
// username from remote, and how long it must still wait. It is not a login
// attempt: refused attempts do not lengthen the wait, so that the right
// password works once the wait is over.
func (db *DB) RecordThrottled(ctx context.Context, what, username, remote string, wait time.Duration) (err error) {
	defer wrap(&err, "RecordThrottled(%q)", username)
	username = loginName(username)
	return db.change(ctx, Actor{Username: username}, func(t *txn) error {
		return t.audit(what+"_throttled", "user", username,
			map[string]any{"remote": remote, "wait_seconds": int64(wait.Round(time.Second) / time.Second)})
	})
}

// RecordRefusal writes to the audit log a request refused for want of the
// right (a 403): who asked (actor, "(anonymous)" without a login), from
// where, what (method and path) and why.
func (db *DB) RecordRefusal(ctx context.Context, actor Actor, remote, what, reason string) (err error) {
	defer wrap(&err, "RecordRefusal(%q)", actor.Username)
	if actor.Username == "" {
		actor.Username = "(anonymous)"
	}
	return db.change(ctx, actor, func(t *txn) error {
		return t.audit("refused", "request", what, map[string]string{"remote": remote, "reason": reason})
	})
}

// loginName is the username as login_attempts and the audit log record it:
// an empty one as "(none)".
func loginName(username string) string {
	if username == "" {
		return "(none)"
	}
	return username
}
