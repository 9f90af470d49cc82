package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Method is a stored version of a method file. A version never changes once
// stored (runs point at it); a changed method is a new version.
type Method struct {
	ID        int64
	Name      string
	Version   string
	TOML      string
	Hash      string // SHA-256 of TOML, hex
	CreatedAt time.Time
	CreatedBy string
}

const methodColumns = `id, name, version, toml, hash, created_at, created_by`

func scanMethod(s scanner) (Method, error) {
	var m Method
	err := s.Scan(&m.ID, &m.Name, &m.Version, &m.TOML, &m.Hash, &m.CreatedAt, &m.CreatedBy)
	m.CreatedAt = m.CreatedAt.UTC()
	return m, err
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// AddMethod stores a method version. Storing the same text again under the
// same name and version returns the stored one; a different text under a
// used name and version is ErrConflict.
func (db *DB) AddMethod(ctx context.Context, actor Actor, name, version, toml string) (m Method, err error) {
	defer wrap(&err, "AddMethod(%q, %q)", name, version)
	if strings.TrimSpace(name) == "" || strings.TrimSpace(version) == "" || toml == "" {
		return m, refuse(ErrInvalid, "store.methodFields")
	}
	hash := sha256Hex([]byte(toml))
	old, err := db.MethodByVersion(ctx, name, version)
	switch {
	case err == nil && old.Hash == hash:
		return old, nil
	case err == nil:
		return m, refuse(ErrConflict, "store.methodExists", name, version)
	case !errors.Is(err, ErrNotFound):
		return m, err
	}
	m = Method{Name: name, Version: version, TOML: toml, Hash: hash, CreatedBy: actor.Username}
	err = db.change(ctx, actor, func(t *txn) error {
		m.CreatedAt = t.now
		if err := t.QueryRow(`INSERT INTO methods (name, version, toml, hash, created_at, created_by)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, name, version, toml, hash, t.now, actor.Username).Scan(&m.ID); err != nil {
			return err
		}
		return t.audit("create", "method", fmt.Sprint(m.ID), map[string]string{"name": name, "version": version, "hash": hash})
	})
	return m, err
}

// Method returns the method version with id.
func (db *DB) Method(ctx context.Context, id int64) (m Method, err error) {
	defer wrap(&err, "Method(%d)", id)
	return scanMethod(db.sql.QueryRowContext(ctx, `SELECT `+methodColumns+` FROM methods WHERE id = $1`, id))
}

// MethodByVersion returns the method name at version.
func (db *DB) MethodByVersion(ctx context.Context, name, version string) (m Method, err error) {
	defer wrap(&err, "MethodByVersion(%q, %q)", name, version)
	return scanMethod(db.sql.QueryRowContext(ctx, `SELECT `+methodColumns+` FROM methods
		WHERE name = $1 AND version = $2`, name, version))
}

// Methods returns every stored method version, by name and id.
func (db *DB) Methods(ctx context.Context) (ms []Method, err error) {
	defer wrap(&err, "Methods")
	rows, err := db.sql.QueryContext(ctx, `SELECT `+methodColumns+` FROM methods ORDER BY name, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		m, err := scanMethod(rows)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	return ms, rows.Err()
}
