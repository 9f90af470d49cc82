package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// AuditEntry is one row of the audit log: who did what to which record, and
// when. Detail is a JSON object (the changed fields, a count, a reason).
type AuditEntry struct {
	ID       int64
	At       time.Time
	Username string
	Action   string // create, update, import, transition, login, …
	Entity   string // unit, indicator, revision, run, user, …
	EntityID string
	Detail   json.RawMessage
}

// audit writes the change's audit row inside its transaction. Every mutating
// method of the store calls it; DB.change refuses to commit without it.
func (t *txn) audit(action, entity, entityID string, detail any) error {
	b, err := json.Marshal(detail)
	if err != nil {
		return fmt.Errorf("audit detail: %w", err)
	}
	if detail == nil {
		b = []byte("{}")
	}
	if err := t.insertAudit(action, entity, entityID, string(b)); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	t.audited = true
	t.changed = t.changed || !quiet(action, entity)
	return nil
}

// AuditFilter selects audit rows; zero fields select everything. Limit 0
// means no limit.
type AuditFilter struct {
	Username string
	Entity   string
	EntityID string
	Since    time.Time // inclusive; zero for the beginning
	Until    time.Time // exclusive; zero for now
	AfterID  int64     // for paging: rows with a larger id
	Limit    int
}

const auditColumns = `id, at, username, action, entity, entity_id, detail`

func scanAudit(rows *sql.Rows) (AuditEntry, error) {
	var e AuditEntry
	var detail string
	err := rows.Scan(&e.ID, &e.At, &e.Username, &e.Action, &e.Entity, &e.EntityID, &detail)
	e.At = e.At.UTC()
	e.Detail = json.RawMessage(detail)
	return e, err
}

// AuditLog returns the audit rows f selects, oldest first: the export of the
// log (CSV or JSON) is a loop over them.
func (db *DB) AuditLog(ctx context.Context, f AuditFilter) (entries []AuditEntry, err error) {
	defer wrap(&err, "AuditLog")
	q := `SELECT ` + auditColumns + ` FROM audit_log WHERE id > $1
		AND ($2 = '' OR username = $2) AND ($3 = '' OR entity = $3) AND ($4 = '' OR entity_id = $4)
		AND at >= $5 AND ($6 = 0 OR at < $7) ORDER BY id`
	limit := ""
	if f.Limit > 0 {
		limit = fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	var untilSet int
	if !f.Until.IsZero() {
		untilSet = 1
	}
	rows, err := db.sql.QueryContext(ctx, q+limit, f.AfterID, f.Username, f.Entity, f.EntityID,
		f.Since.UTC(), untilSet, f.Until.UTC())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	return entries, rows.Err()
}

// RecordBackup writes to the audit log that actor took a backup of the
// whole store (every account's hash included) to dest, of size bytes.
func (db *DB) RecordBackup(ctx context.Context, actor Actor, dest string, size int64) (err error) {
	defer wrap(&err, "RecordBackup")
	return db.change(ctx, actor, func(t *txn) error {
		return t.audit("backup", "database", "", map[string]any{"file": dest, "bytes": size})
	})
}
