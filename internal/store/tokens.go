package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// APIToken is a bearer token of the JSON API (Authorization: Bearer …).
// Only its hash is stored; the token itself is shown once, at creation.
type APIToken struct {
	ID        int64
	UserID    int64
	Name      string
	CreatedAt time.Time
	LastUsed  time.Time // zero when never used
	ExpiresAt time.Time // zero when it does not expire
	Revoked   bool
}

const tokenColumns = `id, user_id, name, created_at, last_used, expires_at, revoked`

func scanToken(s scanner) (APIToken, error) {
	var k APIToken
	var used, expires sql.NullTime
	err := s.Scan(&k.ID, &k.UserID, &k.Name, &k.CreatedAt, &used, &expires, &k.Revoked)
	k.CreatedAt = k.CreatedAt.UTC()
	if used.Valid {
		k.LastUsed = used.Time.UTC()
	}
	if expires.Valid {
		k.ExpiresAt = expires.Time.UTC()
	}
	return k, err
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Truncate(time.Microsecond)
}

// CreateAPIToken creates a token for the user named username and returns it;
// expires zero means no expiry.
func (db *DB) CreateAPIToken(ctx context.Context, actor Actor, username, name string, expires time.Time) (token string, k APIToken, err error) {
	defer wrap(&err, "CreateAPIToken(%q)", username)
	if token, err = auth.NewToken(); err != nil {
		return "", k, err
	}
	err = db.change(ctx, actor, func(t *txn) error {
		if err := t.QueryRow(`SELECT id FROM users WHERE username = $1 AND NOT disabled`, username).Scan(&k.UserID); err != nil {
			return err
		}
		k.Name, k.CreatedAt = name, t.now
		if !expires.IsZero() {
			k.ExpiresAt = expires.UTC().Truncate(time.Microsecond)
		}
		if err := t.QueryRow(`INSERT INTO api_tokens (token_hash, user_id, name, created_at, expires_at, revoked)
			VALUES ($1, $2, $3, $4, $5, FALSE) RETURNING id`,
			auth.HashToken(token), k.UserID, name, k.CreatedAt, nullTime(k.ExpiresAt)).Scan(&k.ID); err != nil {
			return err
		}
		return t.audit("create", "api_token", fmt.Sprint(k.ID), map[string]any{"user": username, "name": name, "expires": nullTime(k.ExpiresAt)})
	})
	return token, k, err
}

// APITokenUser returns the user of an API token and the token's record. A
// revoked or unknown token, or a disabled user, is ErrNotFound; an expired
// token ErrExpired.
func (db *DB) APITokenUser(ctx context.Context, token string) (u User, k APIToken, err error) {
	defer wrap(&err, "APITokenUser")
	row := db.sql.QueryRowContext(ctx, `SELECT `+prefixed("k.", tokenColumns)+`, `+prefixed("u.", userColumns)+`
		FROM api_tokens k JOIN users u ON u.id = k.user_id
		WHERE k.token_hash = $1 AND NOT k.revoked AND NOT u.disabled`, auth.HashToken(token))
	// One row holds both records: scan the token's columns, then the user's.
	k, err = scanToken(scannerFunc(func(kd ...any) error {
		var uerr error
		u, uerr = scanUser(scannerFunc(func(ud ...any) error { return row.Scan(append(kd, ud...)...) }))
		return uerr
	}))
	if errors.Is(err, sql.ErrNoRows) {
		return u, k, ErrNotFound
	}
	if err != nil {
		return u, k, err
	}
	now := db.timestamp()
	if !k.ExpiresAt.IsZero() && !now.Before(k.ExpiresAt) {
		return User{}, k, fmt.Errorf("%w: API token %d expired", ErrExpired, k.ID)
	}
	if now.Sub(k.LastUsed) >= touchEvery {
		if _, err := db.sql.ExecContext(ctx, `UPDATE api_tokens SET last_used = $1 WHERE id = $2`, now, k.ID); err != nil {
			return u, k, err
		}
	}
	return u, k, nil
}

// RevokeAPIToken revokes the token with id; it stays listed, unusable.
func (db *DB) RevokeAPIToken(ctx context.Context, actor Actor, id int64) (err error) {
	defer wrap(&err, "RevokeAPIToken(%d)", id)
	return db.change(ctx, actor, func(t *txn) error {
		res, err := t.Exec(`UPDATE api_tokens SET revoked = TRUE WHERE id = $1`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return t.audit("revoke", "api_token", fmt.Sprint(id), nil)
	})
}

// APITokens returns the tokens of the user named username, newest first.
func (db *DB) APITokens(ctx context.Context, username string) (ks []APIToken, err error) {
	defer wrap(&err, "APITokens(%q)", username)
	rows, err := db.sql.QueryContext(ctx, `SELECT `+prefixed("k.", tokenColumns)+` FROM api_tokens k
		JOIN users u ON u.id = k.user_id WHERE u.username = $1 ORDER BY k.id DESC`, username)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		k, err := scanToken(rows)
		if err != nil {
			return nil, err
		}
		ks = append(ks, k)
	}
	return ks, rows.Err()
}
