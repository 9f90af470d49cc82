package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// User is an account. PasswordHash is made by auth.HashPassword; the store
// never sees a password. Department or Unit is the scope of a department,
// prefecture or county user (see auth.User.CheckScope).
type User struct {
	ID                int64
	Username          string
	PasswordHash      string
	Role              auth.Role
	Department        string
	Unit              string
	DisplayName       string
	Disabled          bool
	CreatedAt         time.Time
	PasswordChangedAt time.Time
	// MustChangePassword is set by an administrator's reset (ResetPassword):
	// the next login must choose a new password.
	MustChangePassword bool
}

// Principal returns the user as the permission rules see her.
func (u User) Principal() auth.User {
	return auth.User{Name: u.Username, Role: u.Role, Department: u.Department, Unit: u.Unit}
}

const userColumns = `id, username, password_hash, role, department, unit_code, display_name, disabled, created_at, password_changed_at, must_change_password`

func scanUser(s scanner) (User, error) {
	var u User
	var unit sql.NullString
	err := s.Scan(&u.ID, &u.Username, &u.PasswordHash, &u.Role, &u.Department, &unit, &u.DisplayName, &u.Disabled,
		&u.CreatedAt, &u.PasswordChangedAt, &u.MustChangePassword)
	u.Unit, u.CreatedAt, u.PasswordChangedAt = unit.String, u.CreatedAt.UTC(), u.PasswordChangedAt.UTC()
	return u, err
}

// userAudit is what the audit log says about a user: never the hash.
func userAudit(u User) map[string]any {
	return map[string]any{"username": u.Username, "role": u.Role, "department": u.Department, "unit": u.Unit,
		"display_name": u.DisplayName, "disabled": u.Disabled}
}

func checkUser(u User) error {
	if u.Username == "" || len(u.Username) > 64 || strings.IndexFunc(u.Username, unicode.IsSpace) >= 0 {
		return refuse(ErrInvalid, "store.user.name", u.Username)
	}
	if err := u.Principal().CheckScope(); err != nil {
		return refuse(ErrInvalid, "store.user.scope", err)
	}
	return nil
}

// CreateUser creates an account; a taken username is ErrConflict.
func (db *DB) CreateUser(ctx context.Context, actor Actor, u User) (_ User, err error) {
	defer wrap(&err, "CreateUser(%q)", u.Username)
	if err := checkUser(u); err != nil {
		return u, err
	}
	if u.PasswordHash == "" {
		return u, fmt.Errorf("%w: no password hash", ErrInvalid)
	}
	err = db.change(ctx, actor, func(t *txn) error {
		u.CreatedAt, u.PasswordChangedAt = t.now, t.now
		if err := t.QueryRow(`INSERT INTO users (username, password_hash, role, department, unit_code, display_name,
			disabled, created_at, password_changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			u.Username, u.PasswordHash, string(u.Role), u.Department, nullString(u.Unit), u.DisplayName, u.Disabled,
			u.CreatedAt, u.PasswordChangedAt).Scan(&u.ID); err != nil {
			return err
		}
		return t.audit("create", "user", u.Username, userAudit(u))
	})
	return u, err
}

// User returns the account named username.
func (db *DB) User(ctx context.Context, username string) (u User, err error) {
	defer wrap(&err, "User(%q)", username)
	return scanUser(db.sql.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE username = $1`, username))
}

// Users returns every account, by username.
func (db *DB) Users(ctx context.Context) (us []User, err error) {
	defer wrap(&err, "Users")
	rows, err := db.sql.QueryContext(ctx, `SELECT `+userColumns+` FROM users ORDER BY username`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		us = append(us, u)
	}
	return us, rows.Err()
}

// CountUsers returns the number of accounts: the server creates the first
// administrator on an empty database.
func (db *DB) CountUsers(ctx context.Context) (n int, err error) {
	defer wrap(&err, "CountUsers")
	err = db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM users`).Scan(&n)
	return n, err
}

// updateUser applies set (SQL after SET, $1 being the username) and logs
// out the user everywhere: after a new password, a new role or a disabling,
// old sessions and API tokens must not keep the old rights.
func (db *DB) updateUser(ctx context.Context, actor Actor, username, action string, detail any, set string, args ...any) error {
	return db.updateUserAfter(ctx, actor, username, action, detail, nil, set, args...)
}

// updateUserAfter is updateUser running before (when not nil) first, in
// the same transaction.
func (db *DB) updateUserAfter(ctx context.Context, actor Actor, username, action string, detail any,
	before func(t *txn) error, set string, args ...any) error {
	return db.change(ctx, actor, func(t *txn) error {
		if before != nil {
			if err := before(t); err != nil {
				return err
			}
		}
		res, err := t.Exec(`UPDATE users SET `+set+` WHERE username = $1`, append([]any{username}, args...)...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		if _, err := t.Exec(`DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = $1)`, username); err != nil {
			return err
		}
		if _, err := t.Exec(`UPDATE api_tokens SET revoked = TRUE WHERE user_id = (SELECT id FROM users WHERE username = $1)`, username); err != nil {
			return err
		}
		return t.audit(action, "user", username, detail)
	})
}

// SetPassword stores a new password hash (policy checked by the caller with
// auth.PasswordPolicy, history with PasswordHistory), keeps the old hash in
// the password history, clears MustChangePassword and ends the user's
// sessions and API tokens.
func (db *DB) SetPassword(ctx context.Context, actor Actor, username, hash string) (err error) {
	defer wrap(&err, "SetPassword(%q)", username)
	return db.setPassword(ctx, actor, username, hash, false)
}

// ResetPassword is SetPassword by an administrator for someone else: the
// user must choose her own password at her next login.
func (db *DB) ResetPassword(ctx context.Context, actor Actor, username, hash string) (err error) {
	defer wrap(&err, "ResetPassword(%q)", username)
	return db.setPassword(ctx, actor, username, hash, true)
}

func (db *DB) setPassword(ctx context.Context, actor Actor, username, hash string, mustChange bool) error {
	if hash == "" {
		return fmt.Errorf("%w: no password hash", ErrInvalid)
	}
	now := db.timestamp()
	keep := func(t *txn) error {
		_, err := t.Exec(`INSERT INTO password_history (user_id, password_hash, replaced_at)
			SELECT id, password_hash, $2 FROM users WHERE username = $1`, username, now)
		return err
	}
	action := "password"
	if mustChange {
		action = "password_reset"
	}
	return db.updateUserAfter(ctx, actor, username, action, nil, keep,
		`password_hash = $2, password_changed_at = $3, must_change_password = $4`, hash, now, mustChange)
}

// SetRole changes a user's role and scope, and ends her sessions and tokens.
func (db *DB) SetRole(ctx context.Context, actor Actor, username string, role auth.Role, department, unit string) (err error) {
	defer wrap(&err, "SetRole(%q, %s)", username, role)
	if err := checkUser(User{Username: username, Role: role, Department: department, Unit: unit}); err != nil {
		return err
	}
	return db.updateUser(ctx, actor, username, "role", map[string]string{"role": string(role), "department": department, "unit": unit},
		`role = $2, department = $3, unit_code = $4`, string(role), department, nullString(unit))
}

// SetDisabled disables (or re-enables) an account; disabling ends its
// sessions and tokens. Accounts are never deleted: the audit log names them.
func (db *DB) SetDisabled(ctx context.Context, actor Actor, username string, disabled bool) (err error) {
	defer wrap(&err, "SetDisabled(%q, %v)", username, disabled)
	return db.updateUser(ctx, actor, username, "disable", map[string]bool{"disabled": disabled}, `disabled = $2`, disabled)
}
