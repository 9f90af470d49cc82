package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math"
	"strings"
	"time"
)

// Event is a fact reported by a department that a method turns into a veto,
// a bonus or a deduction (一票否决, 加分, 减分): a serious safety accident, an
// environmental inspection finding, with the document number (文号) that
// proves it. Events are revisioned like figures: a correction or a
// retraction is a new version with the same Key, and reading "as of R" gives
// each event's latest version not after R.
type Event struct {
	Key        string // stable across versions; the store assigns it to a new event
	Revision   int64
	Unit       string
	Date       time.Time
	Type       string // veto, deduction, bonus, or the method's own type names
	Department string
	Document   string  // 文号
	Points     float64 // bonus (+) or deduction (−); NaN when the method decides
	Note       string
	Retracted  bool
}

var eventInsertColumns = []string{"event_key", "revision_id", "unit_code", "day", "type", "department", "document", "points", "note", "retracted"}

const eventColumns = `e.event_key, e.revision_id, e.unit_code, e.day, e.type, e.department, e.document, e.points, e.note, e.retracted`

func scanEvent(s scanner) (Event, error) {
	var e Event
	var p sql.NullFloat64
	err := s.Scan(&e.Key, &e.Revision, &e.Unit, &e.Date, &e.Type, &e.Department, &e.Document, &p, &e.Note, &e.Retracted)
	e.Date, e.Points = e.Date.UTC(), floatOf(p)
	return e, err
}

// RecordEvents adds events, new versions of events (same Key) and
// retractions (Retracted set) as one new revision, all or nothing. It
// returns the events with their keys and revision.
func (db *DB) RecordEvents(ctx context.Context, actor Actor, note RevisionNote, events []Event) (rev Revision, _ []Event, err error) {
	defer wrap(&err, "RecordEvents(%s)", note.Source)
	if len(events) == 0 {
		return rev, nil, refuse(ErrInvalid, "store.noEvents")
	}
	out := make([]Event, len(events))
	for i, e := range events {
		if e.Unit == "" || strings.TrimSpace(e.Type) == "" || e.Date.IsZero() || math.IsInf(e.Points, 0) {
			return rev, nil, refuse(ErrInvalid, "store.eventFields", i+1)
		}
		if e.Key == "" {
			b := make([]byte, 12)
			if _, err := rand.Read(b); err != nil {
				return rev, nil, err
			}
			e.Key = hex.EncodeToString(b)
		}
		e.Date = nullDate(e.Date).(time.Time)
		out[i] = e
	}
	err = db.change(ctx, actor, func(t *txn) error {
		var err error
		if rev, err = t.newRevision(note); err != nil {
			return err
		}
		if err := t.insertBatch("events", eventInsertColumns, len(out), func(i int, dst []any) []any {
			e := &out[i]
			e.Revision = rev.ID
			return append(dst, e.Key, rev.ID, e.Unit, e.Date, e.Type, e.Department, e.Document, nullFloat(e.Points), e.Note, e.Retracted)
		}); err != nil {
			return err
		}
		return t.audit(note.Kind, "revision", fmt.Sprint(rev.ID), map[string]any{"events": len(out), "source": note.Source, "note": note.Note})
	})
	if err != nil {
		return rev, nil, err
	}
	return rev, out, nil
}

// EventFilter selects events; zero fields select all. From and To bound the
// event's date (From inclusive, To exclusive).
type EventFilter struct {
	AsOf             int64
	Unit             string
	Department       string
	From, To         time.Time
	IncludeRetracted bool
}

// Events returns, as of f.AsOf, the latest version of each event f selects,
// by date, unit and key. Retracted events are left out unless asked for.
func (db *DB) Events(ctx context.Context, f EventFilter) (es []Event, err error) {
	defer wrap(&err, "Events")
	from, to := f.From, f.To
	if from.IsZero() {
		from = time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC) // not year 1, which is the zero time
	}
	if to.IsZero() {
		to = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+eventColumns+` FROM events e
		WHERE e.revision_id <= $1 AND ($2 = '' OR e.unit_code = $2) AND ($3 = '' OR e.department = $3)
		AND e.day >= $4 AND e.day < $5 AND ($6 OR NOT e.retracted)
		AND NOT EXISTS (SELECT 1 FROM events n WHERE n.event_key = e.event_key
			AND n.revision_id > e.revision_id AND n.revision_id <= $1)
		ORDER BY e.day, e.unit_code, e.event_key`,
		asOf(f.AsOf), f.Unit, f.Department, nullDate(from), nullDate(to), f.IncludeRetracted)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		es = append(es, e)
	}
	return es, rows.Err()
}
