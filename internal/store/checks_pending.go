package store

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/qiangxian/qiangxian/internal/workflow"
)

// PendingImport is an upload held because soft rules flagged some of its
// figures: the checked rows wait, unwritten, until the uploader explains
// every flagged cell (ImportExplained with its ID) or cancels it.
type PendingImport struct {
	ID         int64
	Username   string
	Department string
	Period     string
	Source     string
	Note       string
	Status     Status
	Rows       []Observation
	Findings   []Finding
	State      string // pending, committed, cancelled
	Revision   int64  // the committed revision
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Finding is a rule's finding as a held import keeps it: the rule, the
// figure, where it is in the upload (Place: file:sheet!cell, or the form)
// and the message in both languages.
type Finding struct {
	RuleID    int64             `json:"rule_id"`
	RuleName  string            `json:"rule"`
	Severity  workflow.Severity `json:"severity"`
	Unit      string            `json:"unit"`
	Indicator string            `json:"indicator"`
	Value     *float64          `json:"value"`
	Place     string            `json:"place,omitempty"`
	MessageZH string            `json:"message_zh"`
	MessageEN string            `json:"message_en"`
}

// pendingRow is an Observation as JSON, NaN (NA) as null.
type pendingRow struct {
	Unit      string   `json:"u"`
	Indicator string   `json:"i"`
	Period    string   `json:"p"`
	Value     *float64 `json:"v"`
	Source    string   `json:"s,omitempty"`
	Note      string   `json:"n,omitempty"`
}

const pendingColumns = `id, username, department, period_code, source, note, status, rows, findings, state, revision_id, created_at, updated_at`

func scanPending(s scanner) (PendingImport, error) {
	var p PendingImport
	var rows, findings string
	var rev *int64
	err := s.Scan(&p.ID, &p.Username, &p.Department, &p.Period, &p.Source, &p.Note, &p.Status, &rows, &findings,
		&p.State, &rev, &p.CreatedAt, &p.UpdatedAt)
	if err != nil {
		return p, err
	}
	if rev != nil {
		p.Revision = *rev
	}
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	var prs []pendingRow
	if err := json.Unmarshal([]byte(rows), &prs); err != nil {
		return p, fmt.Errorf("held import %d: rows: %w", p.ID, err)
	}
	for _, r := range prs {
		v := math.NaN()
		if r.Value != nil {
			v = *r.Value
		}
		p.Rows = append(p.Rows, Observation{Unit: r.Unit, Indicator: r.Indicator, Period: r.Period, Value: v,
			Status: p.Status, Source: r.Source, Note: r.Note})
	}
	if err := json.Unmarshal([]byte(findings), &p.Findings); err != nil {
		return p, fmt.Errorf("held import %d: findings: %w", p.ID, err)
	}
	return p, nil
}

// HoldImport keeps p (its rows and findings) as a pending import of actor
// and returns it with its ID.
func (db *DB) HoldImport(ctx context.Context, actor Actor, p PendingImport) (out PendingImport, err error) {
	defer wrap(&err, "HoldImport(%s)", p.Source)
	if len(p.Rows) == 0 || len(p.Findings) == 0 {
		return out, refuse(ErrInvalid, "store.heldRows")
	}
	prs := make([]pendingRow, len(p.Rows))
	for i, o := range p.Rows {
		prs[i] = pendingRow{Unit: o.Unit, Indicator: o.Indicator, Period: o.Period, Source: o.Source, Note: o.Note}
		if !math.IsNaN(o.Value) {
			v := o.Value
			prs[i].Value = &v
		}
	}
	rows, err := json.Marshal(prs)
	if err != nil {
		return out, err
	}
	findings, err := json.Marshal(p.Findings)
	if err != nil {
		return out, err
	}
	err = db.change(ctx, actor, func(t *txn) error {
		var err error
		out, err = scanPending(t.QueryRow(`INSERT INTO pending_imports (username, department, period_code, source, note, status, rows, findings, state, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $9) RETURNING `+pendingColumns,
			t.actor.Username, p.Department, p.Period, p.Source, p.Note, string(p.Status), string(rows), string(findings), t.now))
		if err != nil {
			return err
		}
		return t.audit("hold", "pending_import", fmt.Sprint(out.ID), map[string]any{"source": p.Source,
			"period": p.Period, "figures": len(p.Rows), "findings": len(p.Findings)})
	})
	return out, err
}

// PendingImportByID returns the held import with id.
func (db *DB) PendingImportByID(ctx context.Context, id int64) (p PendingImport, err error) {
	defer wrap(&err, "PendingImportByID(%d)", id)
	return scanPending(db.sql.QueryRowContext(ctx, `SELECT `+pendingColumns+` FROM pending_imports WHERE id = $1`, id))
}

// PendingImports returns the held imports still pending, newest first: of
// one user, of one department, or all ("" for both).
func (db *DB) PendingImports(ctx context.Context, username, department string) (ps []PendingImport, err error) {
	defer wrap(&err, "PendingImports")
	rows, err := db.sql.QueryContext(ctx, `SELECT `+pendingColumns+` FROM pending_imports
		WHERE state = 'pending' AND ($1 = '' OR username = $1) AND ($2 = '' OR department = $2) ORDER BY id DESC`,
		username, department)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		p, err := scanPending(rows)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}

// CancelImport drops a pending import: nothing of it is written.
func (db *DB) CancelImport(ctx context.Context, actor Actor, id int64) (err error) {
	defer wrap(&err, "CancelImport(%d)", id)
	return db.change(ctx, actor, func(t *txn) error {
		res, err := t.Exec(`UPDATE pending_imports SET state = 'cancelled', updated_at = $1 WHERE id = $2 AND state = 'pending'`, t.now, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return refuse(ErrConflict, "store.noPending", id)
		}
		return t.audit("cancel", "pending_import", fmt.Sprint(id), nil)
	})
}
