package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
)

// Target is a unit's target for an indicator in a period (年初目标), the
// denominator of completion rates and of 序时进度. Targets are revisioned
// like figures.
type Target struct {
	Unit      string
	Indicator string
	Period    string
	Value     float64 // NaN: no target
	Note      string
	Revision  int64
}

var targetInsertColumns = []string{"revision_id", "unit_code", "indicator_code", "period_code", "value", "note"}

const targetColumns = `t.unit_code, t.indicator_code, t.period_code, t.value, t.note, t.revision_id`

func scanTarget(s scanner) (Target, error) {
	var t Target
	var v sql.NullFloat64
	err := s.Scan(&t.Unit, &t.Indicator, &t.Period, &v, &t.Note, &t.Revision)
	t.Value = floatOf(v)
	return t, err
}

// ImportTargets adds targets as one new revision, all or nothing; a unit ×
// indicator × period given twice is refused. Periods are added when new.
func (db *DB) ImportTargets(ctx context.Context, actor Actor, note RevisionNote, rows []Target) (rev Revision, err error) {
	defer wrap(&err, "ImportTargets(%s)", note.Source)
	if len(rows) == 0 {
		return rev, refuse(ErrInvalid, "store.targets.none")
	}
	periods := map[string]string{}
	seen := map[ObservationKey]bool{}
	for i, r := range rows {
		k := ObservationKey{r.Unit, r.Indicator, r.Period}
		if seen[k] || math.IsInf(r.Value, 0) {
			return rev, refuse(ErrInvalid, "store.targets.row", i+1, r.Unit, r.Indicator, r.Period)
		}
		seen[k] = true
		periods[r.Period] = ""
	}
	err = db.change(ctx, actor, func(t *txn) error {
		if err := t.ensurePeriods(periods); err != nil {
			return err
		}
		var err error
		if rev, err = t.newRevision(note); err != nil {
			return err
		}
		if err := t.insertBatch("targets", targetInsertColumns, len(rows), func(i int, dst []any) []any {
			r := &rows[i]
			r.Period, r.Revision = periods[r.Period], rev.ID
			return append(dst, rev.ID, r.Unit, r.Indicator, r.Period, nullFloat(r.Value), r.Note)
		}); err != nil {
			return err
		}
		return t.audit(note.Kind, "revision", fmt.Sprint(rev.ID), map[string]any{"targets": len(rows), "source": note.Source, "note": note.Note})
	})
	return rev, err
}

// TargetFilter selects targets; zero fields select all.
type TargetFilter struct {
	AsOf      int64
	Unit      string
	Indicator string
	Period    string
}

// Targets returns, as of f.AsOf, the latest target per key that f selects,
// by period, indicator and unit.
func (db *DB) Targets(ctx context.Context, f TargetFilter) (ts []Target, err error) {
	defer wrap(&err, "Targets")
	rows, err := db.sql.QueryContext(ctx, `SELECT `+targetColumns+` FROM targets t
		WHERE t.revision_id <= $1 AND ($2 = '' OR t.unit_code = $2) AND ($3 = '' OR t.indicator_code = $3)
		AND ($4 = '' OR t.period_code = $4)
		AND NOT EXISTS (SELECT 1 FROM targets n WHERE n.unit_code = t.unit_code AND n.indicator_code = t.indicator_code
			AND n.period_code = t.period_code AND n.revision_id > t.revision_id AND n.revision_id <= $1)
		ORDER BY t.period_code, t.indicator_code, t.unit_code`, asOf(f.AsOf), f.Unit, f.Indicator, f.Period)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		t, err := scanTarget(rows)
		if err != nil {
			return nil, err
		}
		ts = append(ts, t)
	}
	return ts, rows.Err()
}
