package store

import (
	"context"
	"database/sql"
	"fmt"
)

// FigureChange is one figure a revision wrote, beside the value it
// replaced: who changed which figure from what to what, and why.
type FigureChange struct {
	Unit, Indicator, Period string
	Value                   sql.NullFloat64 // the value written (NULL: marked missing)
	Old                     sql.NullFloat64 // the value before, from the newest earlier revision
	HadOld                  bool            // an earlier revision held the figure
	Status                  Status
	Note                    string
	Explanation             string // typed when a check rule held the upload (observation_explanations)
}

// maxRevisionChanges bounds a diff page: the figures after it are counted,
// not listed.
const maxRevisionChanges = 5000

// RevisionChanges lists the figures revision rev wrote, in the scope of f
// (its Units, Department and Prefecture; its periods and indicators when
// given), ordered by period, indicator and unit, at most
// maxRevisionChanges, with the total count.
func (db *DB) RevisionChanges(ctx context.Context, rev int64, f ObservationFilter) (cs []FigureChange, total int, err error) {
	defer wrap(&err, "RevisionChanges(%d)", rev)
	where, args := f.where([]any{rev})
	if err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM observations o WHERE o.revision_id = $1`+where,
		args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	earlier := `FROM observations p WHERE p.unit_code = o.unit_code AND p.indicator_code = o.indicator_code
		AND p.period_code = o.period_code AND p.revision_id < o.revision_id`
	rows, err := db.sql.QueryContext(ctx, `SELECT o.unit_code, o.indicator_code, o.period_code, o.value, o.status, o.note,
		(SELECT p.value `+earlier+` ORDER BY p.revision_id DESC LIMIT 1),
		(SELECT COUNT(*) `+earlier+`),
		COALESCE((SELECT e.explanation FROM observation_explanations e WHERE e.unit_code = o.unit_code
			AND e.indicator_code = o.indicator_code AND e.period_code = o.period_code AND e.revision_id = o.revision_id), '')
		FROM observations o WHERE o.revision_id = $1`+where+`
		ORDER BY o.period_code, o.indicator_code, o.unit_code LIMIT `+fmt.Sprint(maxRevisionChanges), args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var c FigureChange
		var n int
		if err := rows.Scan(&c.Unit, &c.Indicator, &c.Period, &c.Value, &c.Status, &c.Note, &c.Old, &n, &c.Explanation); err != nil {
			return nil, 0, err
		}
		c.HadOld = n > 0
		cs = append(cs, c)
	}
	return cs, total, rows.Err()
}
