package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// A backup is a stream of JSON values, one a line, readable by either
// dialect: a header object, then per table an object naming the table and its
// columns followed by one array per row, then an end object with the row
// count (a truncated file is refused). Times are RFC 3339 UTC strings;
// missing values null.
//
// Backup takes a consistent snapshot while the server runs: on PostgreSQL
// one REPEATABLE READ, read-only transaction; on SQLite (whose write lock
// our _txlock=immediate transactions would take) VACUUM INTO a temporary
// file, which WAL allows beside writers, dumped afterwards.

// backupFormat is the version of the format above.
const backupFormat = 1

type backupHeader struct {
	Format  int       `json:"qiangxian_backup"`
	Schema  int       `json:"schema"`
	Dialect Dialect   `json:"dialect"`
	Created time.Time `json:"created"`
}

type backupTable struct {
	Table   string   `json:"table"`
	Columns []string `json:"columns"`
}

type backupEnd struct {
	End  bool  `json:"end"`
	Rows int64 `json:"rows"`
}

// dumpTable is a table as the backup sees it: columns with their kind
// (i integer, f float, s text, t time, b boolean), in an order that satisfies
// the foreign keys, and whether PostgreSQL gave it an identity id.
type dumpTable struct {
	name     string
	cols     string
	kinds    string
	order    string
	identity bool
}

var dumpTables = []dumpTable{
	{"counters", "name, value", "si", "name", false},
	{"units", unitColumns, "ssssstt",
		"CASE kind WHEN 'province' THEN 0 WHEN 'prefecture' THEN 1 WHEN 'county' THEN 2 WHEN 'zone' THEN 3 ELSE 4 END, code", false},
	{"unit_attributes", attributeColumns, "isssii", "id", true},
	{"unit_changes", changeColumns, "issstss", "id", true},
	{"indicators", indicatorColumns, "ssssiss", "code", false},
	{"periods", periodColumns, "ssii", "code", false},
	{"revisions", revisionColumns, "itssss", "id", false},
	{"observations", "unit_code, indicator_code, period_code, revision_id, value, status, source, note", "sssifsss",
		"revision_id, unit_code, indicator_code, period_code", false},
	{"events", "id, event_key, revision_id, unit_code, day, type, department, document, points, note, retracted", "isistsssfsb", "id", true},
	{"targets", "id, revision_id, unit_code, indicator_code, period_code, value, note", "iisssfs", "id", true},
	{"methods", methodColumns, "issssts", "id", true},
	{"runs", runColumns, "iiisssssistss", "id", true},
	{"run_states", "id, run_id, from_state, to_state, at, username, note", "iisstss", "id", true},
	{"run_results", "id, run_id, " + resultColumns, "iissiffsfbssf", "id", true},
	{"users", userColumns, "issssssbttb", "id", true},
	{"password_history", "user_id, password_hash, replaced_at", "ist", "user_id, replaced_at", false},
	{"user_totp", "user_id, secret, last_step, created_at", "isit", "user_id", false},
	{"sessions", "token_hash, user_id, created_at, last_seen", "sitt", "token_hash", false},
	{"api_tokens", "id, token_hash, user_id, name, created_at, last_used, expires_at, revoked", "isistttb", "id", true},
	{"login_attempts", "id, username, remote, at, success", "isstb", "id", true},
	{"audit_log", auditColumns + ", chain", "itssssss", "id", true},
	{"geo_maps", geoColumns, "isssits", "id", true},
}

// Backup writes a consistent snapshot of the whole store to w.
func (db *DB) Backup(ctx context.Context, w io.Writer) (err error) {
	defer wrap(&err, "Backup")
	if db.dialect == Postgres {
		tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
		if err != nil {
			return err
		}
		defer tx.Rollback()
		return db.dump(ctx, tx, w)
	}
	dir, err := os.MkdirTemp("", "qiangxian-backup-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	snap := filepath.Join(dir, "snapshot.db")
	if _, err := db.sql.ExecContext(ctx, `VACUUM INTO $1`, snap); err != nil {
		return err
	}
	s, err := Open(ctx, snap)
	if err != nil {
		return err
	}
	defer s.Close()
	return db.dump(ctx, s.sql, w)
}

type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func (db *DB) dump(ctx context.Context, q querier, w io.Writer) error {
	enc := json.NewEncoder(w)
	var schema int
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&schema); err != nil {
		return err
	}
	if err := enc.Encode(backupHeader{backupFormat, schema, db.dialect, db.timestamp()}); err != nil {
		return err
	}
	var total int64
	for _, t := range dumpTables {
		n, err := dumpOne(ctx, q, enc, t)
		if err != nil {
			return fmt.Errorf("table %s: %w", t.name, err)
		}
		total += n
	}
	return enc.Encode(backupEnd{End: true, Rows: total})
}

func dumpOne(ctx context.Context, q querier, enc *json.Encoder, t dumpTable) (int64, error) {
	cols := splitColumns(t.cols)
	if err := enc.Encode(backupTable{t.name, cols}); err != nil {
		return 0, err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+t.cols+` FROM `+t.name+` ORDER BY `+t.order)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	dest := make([]any, len(cols))
	for i, k := range t.kinds {
		switch k {
		case 'i':
			dest[i] = new(sql.NullInt64)
		case 'f':
			dest[i] = new(sql.NullFloat64)
		case 's':
			dest[i] = new(sql.NullString)
		case 't':
			dest[i] = new(sql.NullTime)
		case 'b':
			dest[i] = new(sql.NullBool)
		}
	}
	out := make([]any, len(cols))
	var n int64
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return n, err
		}
		for i, d := range dest {
			out[i] = nil
			switch v := d.(type) {
			case *sql.NullInt64:
				if v.Valid {
					out[i] = v.Int64
				}
			case *sql.NullFloat64:
				if v.Valid {
					out[i] = v.Float64
				}
			case *sql.NullString:
				if v.Valid {
					out[i] = v.String
				}
			case *sql.NullTime:
				if v.Valid {
					out[i] = v.Time.UTC().Format(time.RFC3339Nano)
				}
			case *sql.NullBool:
				if v.Valid {
					out[i] = v.Bool
				}
			}
		}
		if err := enc.Encode(out); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}
