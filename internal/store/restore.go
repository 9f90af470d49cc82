package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// restoreChunk is how many rows Restore buffers before inserting them.
const restoreChunk = 2000

// Restore loads a backup written by Backup, from either dialect, into this
// store, which must be migrated to the backup's schema version and empty
// (ErrConflict otherwise). It is one transaction: all or nothing.
func (db *DB) Restore(ctx context.Context, actor Actor, r io.Reader) (err error) {
	defer wrap(&err, "Restore")
	dec := json.NewDecoder(r)
	dec.UseNumber()
	var h backupHeader
	if err := dec.Decode(&h); err != nil || h.Format != backupFormat {
		return refuse(ErrInvalid, "store.restore.format", h.Format, err)
	}
	schema, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if h.Schema != schema {
		return refuse(ErrConflict, "store.restore.schema", h.Schema, schema)
	}
	for _, t := range dumpTables[1:] {
		if t.name == seededCalendar {
			continue
		}
		var n int
		if err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t.name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return refuse(ErrConflict, "store.restore.notEmpty", t.name)
		}
	}
	return db.change(ctx, actor, func(t *txn) error {
		if _, err := t.Exec(`DELETE FROM ` + seededCalendar); err != nil {
			return err
		}
		// Derived, not in backups: a snapshot left here would name a
		// restored revision's number.
		if _, err := t.Exec(`DELETE FROM invest_ledger_snapshots`); err != nil {
			return err
		}
		t.afterCommit = append(t.afterCommit, func() { db.ledgers.put(0, nil) })
		total, states, err := t.load(dec)
		if err != nil {
			return err
		}
		if err := t.rebuildSearchIndex(); err != nil {
			return err
		}
		if err := t.rebuildProjectCounts(); err != nil {
			return err
		}
		// Runs were loaded as drafts so that their results and history could
		// go in past the published-run trigger; now they take their states.
		for id, s := range states {
			if _, err := t.Exec(`UPDATE runs SET state = $1 WHERE id = $2`, s, id); err != nil {
				return err
			}
		}
		if t.db.dialect == Postgres {
			for _, d := range dumpTables {
				if d.identity {
					if _, err := t.Exec(`SELECT setval(pg_get_serial_sequence('` + d.name + `', 'id'),
						(SELECT COALESCE(MAX(id), 0) + 1 FROM ` + d.name + `), false)`); err != nil {
						return err
					}
				}
			}
		}
		return t.audit("restore", "database", "", map[string]any{"rows": total, "from": h.Dialect, "created": h.Created})
	})
}

// load reads the tables of a backup and inserts their rows; it returns the
// row count and the states of the runs, loaded as drafts.
func (t *txn) load(dec *json.Decoder) (total int64, states map[int64]string, err error) {
	states = map[int64]string{}
	var table *dumpTable
	var cols []string
	var chunk [][]any
	flush := func() error {
		if len(chunk) == 0 {
			return nil
		}
		if table.name == "counters" {
			for _, row := range chunk {
				if _, err := t.Exec(`UPDATE counters SET value = $1 WHERE name = $2`, row[1], row[0]); err != nil {
					return err
				}
			}
		} else if err := t.insertBatch(table.name, cols, len(chunk), func(i int, dst []any) []any {
			return append(dst, chunk[i]...)
		}); err != nil {
			return fmt.Errorf("table %s: %w", table.name, err)
		}
		chunk = chunk[:0]
		return nil
	}
	for {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if errors.Is(err, io.EOF) {
				err = refuse(ErrInvalid, "store.restore.truncated")
			}
			return total, nil, err
		}
		if bytes.HasPrefix(raw, []byte("[")) {
			if table == nil {
				return total, nil, refuse(ErrInvalid, "store.restore.rowFirst")
			}
			row, err := decodeRow(raw, table.kinds)
			if err != nil {
				return total, nil, refuse(ErrInvalid, "store.restore.row", table.name, err)
			}
			if table.name == "runs" {
				states[row[0].(int64)] = row[6].(string)
				row[6] = string(auth.StateDraft)
			}
			chunk = append(chunk, row)
			total++
			if len(chunk) == restoreChunk {
				if err := flush(); err != nil {
					return total, nil, err
				}
			}
			continue
		}
		if err := flush(); err != nil {
			return total, nil, err
		}
		var head struct {
			backupTable
			backupEnd
		}
		if err := json.Unmarshal(raw, &head); err != nil {
			return total, nil, refuse(ErrInvalid, "store.restore.json", err)
		}
		if head.End {
			if head.Rows != total {
				return total, nil, refuse(ErrInvalid, "store.restore.count", total, head.Rows)
			}
			return total, states, nil
		}
		i := slices.IndexFunc(dumpTables, func(d dumpTable) bool { return d.name == head.Table })
		if i < 0 || !slices.Equal(head.Columns, splitColumns(dumpTables[i].cols)) {
			return total, nil, refuse(ErrInvalid, "store.restore.table", head.Table, head.Columns)
		}
		table, cols = &dumpTables[i], head.Columns
	}
}

// decodeRow turns a JSON row into values of the columns' kinds.
func decodeRow(raw json.RawMessage, kinds string) ([]any, error) {
	var cells []json.RawMessage
	if err := json.Unmarshal(raw, &cells); err != nil {
		return nil, err
	}
	if len(cells) != len(kinds) {
		return nil, fmt.Errorf("%d values for %d columns", len(cells), len(kinds))
	}
	row := make([]any, len(cells))
	for i, c := range cells {
		if string(c) == "null" {
			continue
		}
		var err error
		switch kinds[i] {
		case 'i':
			var n json.Number
			if err = json.Unmarshal(c, &n); err == nil {
				row[i], err = n.Int64()
			}
		case 'f':
			var f float64
			err = json.Unmarshal(c, &f)
			row[i] = f
		case 's':
			var s string
			err = json.Unmarshal(c, &s)
			row[i] = s
		case 't':
			var s string
			if err = json.Unmarshal(c, &s); err == nil {
				row[i], err = time.Parse(time.RFC3339Nano, s)
			}
		case 'b':
			var b bool
			err = json.Unmarshal(c, &b)
			row[i] = b
		}
		if err != nil {
			return nil, err
		}
	}
	return row, nil
}
