package store

import (
	"context"
	"math"
	"time"
)

// Revision is one change of the data: an import, a correction, a county's
// confirmations, a batch of events or targets. Figures, events and targets
// are only ever added, each tagged with the revision that added it, so the
// data "as of revision R" is the latest row per key with revision ≤ R.
type Revision struct {
	ID        int64
	CreatedAt time.Time
	Username  string
	Kind      string
	Source    string // the imported file's name, or the form
	Note      string
}

// RevisionNote says what a new revision is: its Kind ("import",
// "correction", "confirmation", "objection", "events", "targets" …), the
// Source file and a free Note.
type RevisionNote struct {
	Kind   string
	Source string
	Note   string
}

// Latest, as an AsOf value, reads the newest data.
const Latest int64 = 0

// asOf turns an AsOf value into the bound of a revision_id <= $n test.
func asOf(r int64) int64 {
	if r <= 0 {
		return math.MaxInt64
	}
	return r
}

const revisionColumns = `id, created_at, username, kind, source, note`

func scanRevision(s scanner) (Revision, error) {
	var r Revision
	err := s.Scan(&r.ID, &r.CreatedAt, &r.Username, &r.Kind, &r.Source, &r.Note)
	r.CreatedAt = r.CreatedAt.UTC()
	return r, err
}

// newRevision takes the next revision number and records the revision. The
// counter row it updates stays locked until the transaction ends, so
// concurrent changes commit their revisions in number order.
func (t *txn) newRevision(n RevisionNote) (Revision, error) {
	if n.Kind == "" {
		return Revision{}, refuse(ErrInvalid, "store.revision.kind")
	}
	r := Revision{CreatedAt: t.now, Username: t.actor.Username, Kind: n.Kind, Source: n.Source, Note: n.Note}
	if _, err := t.Exec(`UPDATE counters SET value = value + 1 WHERE name = 'revision'`); err != nil {
		return r, err
	}
	if err := t.QueryRow(`SELECT value FROM counters WHERE name = 'revision'`).Scan(&r.ID); err != nil {
		return r, err
	}
	_, err := t.Exec(`INSERT INTO revisions (`+revisionColumns+`) VALUES ($1, $2, $3, $4, $5, $6)`,
		r.ID, r.CreatedAt, r.Username, r.Kind, r.Source, r.Note)
	return r, err
}

// Revision returns the revision with id.
func (db *DB) Revision(ctx context.Context, id int64) (r Revision, err error) {
	defer wrap(&err, "Revision(%d)", id)
	return scanRevision(db.sql.QueryRowContext(ctx, `SELECT `+revisionColumns+` FROM revisions WHERE id = $1`, id))
}

// Revisions returns every revision, oldest first.
func (db *DB) Revisions(ctx context.Context) (rs []Revision, err error) {
	defer wrap(&err, "Revisions")
	rows, err := db.sql.QueryContext(ctx, `SELECT `+revisionColumns+` FROM revisions ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanRevision(rows)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, rows.Err()
}

// LatestRevision returns the number of the newest revision, 0 when there is
// none: a run records it as the data it was computed on.
func (db *DB) LatestRevision(ctx context.Context) (id int64, err error) {
	defer wrap(&err, "LatestRevision")
	err = db.sql.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM revisions`).Scan(&id)
	return id, err
}
