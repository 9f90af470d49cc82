package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// PasswordHistory returns the user's current password hash followed by up
// to n−1 earlier ones, newest first: a new password must match none of
// them (auth.PasswordPolicy.CheckHistory). n ≤ 0 returns nothing.
func (db *DB) PasswordHistory(ctx context.Context, username string, n int) (hashes []string, err error) {
	defer wrap(&err, "PasswordHistory(%q)", username)
	if n <= 0 {
		return nil, nil
	}
	u, err := db.User(ctx, username)
	if err != nil {
		return nil, err
	}
	hashes = append(hashes, u.PasswordHash)
	rows, err := db.sql.QueryContext(ctx, `SELECT password_hash FROM password_history WHERE user_id = $1
		ORDER BY replaced_at DESC LIMIT $2`, u.ID, n-1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, err
		}
		hashes = append(hashes, h)
	}
	return hashes, rows.Err()
}

// SetTOTP enrols the user for two-factor login with secret (base32, from
// auth.NewTOTPSecret), replacing any earlier secret, and ends her sessions.
// The audit log records the enrolment, never the secret.
func (db *DB) SetTOTP(ctx context.Context, actor Actor, username, secret string) (err error) {
	defer wrap(&err, "SetTOTP(%q)", username)
	if secret == "" {
		return fmt.Errorf("%w: no TOTP secret", ErrInvalid)
	}
	now := db.timestamp()
	return db.updateUserAfter(ctx, actor, username, "totp_enrol", nil, func(t *txn) error {
		if _, err := t.Exec(`DELETE FROM user_totp WHERE user_id = (SELECT id FROM users WHERE username = $1)`, username); err != nil {
			return err
		}
		_, err := t.Exec(`INSERT INTO user_totp (user_id, secret, last_step, created_at)
			SELECT id, $2, 0, $3 FROM users WHERE username = $1`, username, secret, now)
		return err
	}, `username = username`)
}

// RemoveTOTP ends the user's two-factor enrolment.
func (db *DB) RemoveTOTP(ctx context.Context, actor Actor, username string) (err error) {
	defer wrap(&err, "RemoveTOTP(%q)", username)
	return db.updateUserAfter(ctx, actor, username, "totp_remove", nil, func(t *txn) error {
		_, err := t.Exec(`DELETE FROM user_totp WHERE user_id = (SELECT id FROM users WHERE username = $1)`, username)
		return err
	}, `username = username`)
}

// TOTPSecret returns the user's TOTP secret, or "" when she has none.
func (db *DB) TOTPSecret(ctx context.Context, username string) (secret string, err error) {
	defer wrap(&err, "TOTPSecret(%q)", username)
	err = db.sql.QueryRowContext(ctx, `SELECT t.secret FROM user_totp t JOIN users u ON u.id = t.user_id
		WHERE u.username = $1`, username).Scan(&secret)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return secret, err
}

// UseTOTPStep records that the user logged in with the code of time step
// step, and reports false when that step or a later one was used already:
// a code is good for one login only (RFC 6238 §5.2).
func (db *DB) UseTOTPStep(ctx context.Context, username string, step int64) (ok bool, err error) {
	defer wrap(&err, "UseTOTPStep(%q)", username)
	res, err := db.sql.ExecContext(ctx, `UPDATE user_totp SET last_step = $2
		WHERE user_id = (SELECT id FROM users WHERE username = $1) AND last_step < $2`, username, step)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
