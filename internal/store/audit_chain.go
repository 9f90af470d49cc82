package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/gm"
)

// auditChainKey is the PostgreSQL advisory lock (with a hash of the schema
// as second key, as the start-up lock) that writers of audit rows hold until
// they commit, so that each row's chain follows the row committed before it.
// SQLite needs none: its write transactions already take turns.
const auditChainKey = 0x71786163 // "qxac"

// sm3Prefix marks a chain value computed with SM3 (GB/T 32905) rather
// than SHA-256; verification reads the algorithm of each row from it, so a
// log may switch from one to the other (audit_hash) and stay verifiable.
const sm3Prefix = "sm3:"

// AuditHashes are the values of the audit_hash setting.
var AuditHashes = []string{"sha256", "sm3"}

// SetAuditHash chooses the hash of the audit rows this DB writes from now
// on: "sha256" (the default) or "sm3".
func (db *DB) SetAuditHash(name string) error {
	switch name {
	case "", "sha256":
		db.sm3 = false
	case "sm3":
		db.sm3 = true
	default:
		return fmt.Errorf("store: audit hash %q is not sha256 or sm3", name)
	}
	return nil
}

// chainHash is the tamper evidence of one audit row: SHA-256 (or, with
// useSM3, SM3 written with the prefix "sm3:") over the previous row's chain
// and the row's fields, as a JSON array (so that no field can run into the
// next), in hex.
func chainHash(useSM3 bool, prev string, id int64, at time.Time, username, action, entity, entityID, detail string) string {
	b, _ := json.Marshal([]any{prev, id, at.UTC().Format(time.RFC3339Nano), username, action, entity, entityID, detail})
	if useSM3 {
		return sm3Prefix + gm.SM3Hex(b)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// insertAudit writes one audit row with the next id and its chain hash.
func (t *txn) insertAudit(action, entity, entityID, detail string) error {
	if t.db.dialect == Postgres {
		if _, err := t.Exec(`SELECT pg_advisory_xact_lock($1, hashtext(COALESCE(current_schema(), '')))`, int32(auditChainKey)); err != nil {
			return err
		}
	}
	var last int64
	var prev string
	err := t.QueryRow(`SELECT id, chain FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&last, &prev)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	id := last + 1
	_, err = t.Exec(`INSERT INTO audit_log (id, at, username, action, entity, entity_id, detail, chain)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, id, t.now, t.actor.Username, action, entity, entityID, detail,
		chainHash(t.db.sm3, prev, id, t.now, t.actor.Username, action, entity, entityID, detail))
	return err
}

// AuditCheck is what VerifyAudit found: Rows rows read, of which Unchained
// were written before the chain existed (migration 0009); Head is the last
// row's chain, to be noted down elsewhere (deleting the newest rows leaves
// a consistent shorter chain, which only a noted head reveals); BadID is
// the first row whose chain does not match, 0 when all do.
type AuditCheck struct {
	Rows      int64
	Unchained int64
	Head      string
	BadID     int64
}

// VerifyAudit recomputes the audit log's hash chain, oldest row first. A
// row edited, inserted or deleted (by SQL around the triggers) breaks the
// chain at that row or the next.
func (db *DB) VerifyAudit(ctx context.Context) (c AuditCheck, err error) {
	defer wrap(&err, "VerifyAudit")
	rows, err := db.sql.QueryContext(ctx, `SELECT `+auditColumns+`, chain FROM audit_log ORDER BY id`)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	prev, chained := "", false
	for rows.Next() {
		var e AuditEntry
		var detail, chain string
		if err := rows.Scan(&e.ID, &e.At, &e.Username, &e.Action, &e.Entity, &e.EntityID, &detail, &chain); err != nil {
			return c, err
		}
		c.Rows++
		switch {
		case chain == "" && !chained:
			c.Unchained++
		case chain == "" || chain != chainHash(strings.HasPrefix(chain, sm3Prefix), prev, e.ID, e.At, e.Username, e.Action, e.Entity, e.EntityID, detail):
			if c.BadID == 0 {
				c.BadID = e.ID
			}
		}
		chained = chained || chain != ""
		prev = chain
	}
	c.Head = prev
	if err := rows.Err(); err != nil {
		return c, err
	}
	if c.BadID != 0 {
		return c, fmt.Errorf("%w: audit row %d does not match the hash chain", ErrInvalid, c.BadID)
	}
	return c, nil
}
