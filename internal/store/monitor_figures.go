package store

import (
	"context"
	"database/sql"
	"math"
	"time"

	"github.com/qiangxian/qiangxian/internal/monitor"
)

// The stages of a monitoring figure: the bureau's first (初步) and final
// (最终) figures are kept apart; a table reads the final one when there is
// one.
const (
	StagePreliminary = "preliminary"
	StageFinal       = "final"
)

// Release is the statistics bureau's release day of a cumulative period:
// before it, only the provincial office sees the period's figures.
type Release struct {
	Year, Month int
	Day         time.Time
}

// PutMonitorReleases sets release days (a period given again is moved).
func (db *DB) PutMonitorReleases(ctx context.Context, actor Actor, rs []Release) (err error) {
	defer wrap(&err, "PutMonitorReleases")
	for _, r := range rs {
		if r.Month < 1 || r.Month > 12 || r.Day.IsZero() {
			return refuse(ErrInvalid, "store.monitor.release", r.Year, r.Month)
		}
	}
	return db.change(ctx, actor, func(t *txn) error {
		for _, r := range rs {
			if _, err := t.Exec(`INSERT INTO monitor_releases (year, month, release_day) VALUES ($1, $2, $3)
				ON CONFLICT (year, month) DO UPDATE SET release_day = $3`, r.Year, r.Month, nullDate(r.Day)); err != nil {
				return err
			}
		}
		return t.audit("put", "monitor_release", "", map[string]int{"releases": len(rs)})
	})
}

// MonitorReleases returns the release calendar of year (every year when
// 0), by period.
func (db *DB) MonitorReleases(ctx context.Context, year int) (out []Release, err error) {
	defer wrap(&err, "MonitorReleases(%d)", year)
	rows, err := db.sql.QueryContext(ctx, `SELECT year, month, release_day FROM monitor_releases
		WHERE ($1 = 0 OR year = $1) ORDER BY year, month`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r Release
		if err := rows.Scan(&r.Year, &r.Month, &r.Day); err != nil {
			return nil, err
		}
		r.Day = Day(r.Day)
		out = append(out, r)
	}
	return out, rows.Err()
}

// ReleasedOn reports whether period p is released on day (its release day
// is on or before day); a period without a release day is not.
func ReleasedOn(rs []Release, p monitor.Period, day time.Time) bool {
	for _, r := range rs {
		if r.Year == p.Year && r.Month == p.Month {
			return !Day(r.Day).After(Day(day))
		}
	}
	return false
}

// MonitorFigure is a stored cumulative figure with its stage.
type MonitorFigure struct {
	monitor.Figure
	Stage string
}

// PutMonitorFigures stores figures of one stage. An import replaces, for
// each period and indicator it carries, that stage's figures of every unit
// (a bureau's release is the whole table); the other stage is untouched.
func (db *DB) PutMonitorFigures(ctx context.Context, actor Actor, stage string, figs []monitor.Figure) (err error) {
	defer wrap(&err, "PutMonitorFigures(%s, %d)", stage, len(figs))
	if stage != StagePreliminary && stage != StageFinal {
		return refuse(ErrInvalid, "store.monitor.stage", stage)
	}
	type key struct {
		year, month int
		ind         string
	}
	keys := map[key]bool{}
	seen := map[[3]string]bool{}
	for i, f := range figs {
		k := [3]string{f.Period.String(), f.Unit, f.Indicator}
		if f.Unit == "" || f.Indicator == "" || f.Period.Month < 1 || f.Period.Month > 12 || seen[k] ||
			math.IsInf(f.Value, 0) || math.IsInf(f.Growth, 0) {
			return refuse(ErrInvalid, "store.monitor.figure", i+1, f.Period, f.Unit, f.Indicator)
		}
		seen[k] = true
		keys[key{f.Period.Year, f.Period.Month, f.Indicator}] = true
	}
	return db.change(ctx, actor, func(t *txn) error {
		if err := t.replaceMonitorFigures(stage, figs); err != nil {
			return err
		}
		return t.audit("put", "monitor_figures", stage, map[string]int{"figures": len(figs), "periods": len(keys)})
	})
}

// replaceMonitorFigures replaces, for each period and indicator figs carry,
// the stage's figures of every unit by figs (checked by the caller).
func (t *txn) replaceMonitorFigures(stage string, figs []monitor.Figure) error {
	type key struct {
		year, month int
		ind         string
	}
	done := map[key]bool{}
	for _, f := range figs {
		k := key{f.Period.Year, f.Period.Month, f.Indicator}
		if done[k] {
			continue
		}
		done[k] = true
		if _, err := t.Exec(`DELETE FROM monitor_figures WHERE year = $1 AND month = $2 AND indicator = $3 AND stage = $4`,
			k.year, k.month, k.ind, stage); err != nil {
			return err
		}
	}
	cols := []string{"year", "month", "unit_code", "indicator", "stage", "value", "growth", "updated_at", "updated_by"}
	return t.insertBatch("monitor_figures", cols, len(figs), func(i int, dst []any) []any {
		f := &figs[i]
		return append(dst, f.Period.Year, f.Period.Month, f.Unit, f.Indicator, stage, nullFloat(f.Value), nullFloat(f.Growth),
			t.now, t.actor.Username)
	})
}

// MonitorFigureFilter selects stored figures: the years FromYear to ToYear
// (0: unbounded) and a stage ("" reads, for each figure, the final one
// when there is one, else the preliminary one).
type MonitorFigureFilter struct {
	FromYear, ToYear int
	Stage            string
	Unit             string // one unit's ("" every unit's)
}

// MonitorFigures returns the figures f selects, by period, indicator and
// unit.
func (db *DB) MonitorFigures(ctx context.Context, f MonitorFigureFilter) (out []MonitorFigure, err error) {
	defer wrap(&err, "MonitorFigures")
	hi := f.ToYear
	if hi == 0 {
		hi = 9999
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT year, month, unit_code, indicator, stage, value, growth FROM monitor_figures
		WHERE year >= $1 AND year <= $2 AND ($3 = '' OR stage = $3) AND ($4 = '' OR unit_code = $4)
		ORDER BY year, month, indicator, unit_code, stage`, f.FromYear, hi, f.Stage, f.Unit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var m MonitorFigure
		var v, g sql.NullFloat64
		if err := rows.Scan(&m.Period.Year, &m.Period.Month, &m.Unit, &m.Indicator, &m.Stage, &v, &g); err != nil {
			return nil, err
		}
		m.Value, m.Growth = floatOf(v), floatOf(g)
		// Ordered by stage, "final" before "preliminary": keep the first.
		if n := len(out); f.Stage == "" && n > 0 && out[n-1].Period == m.Period && out[n-1].Unit == m.Unit && out[n-1].Indicator == m.Indicator {
			continue
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// MonitorLatestYear returns the latest year with figures, 0 when none.
func (db *DB) MonitorLatestYear(ctx context.Context) (year int, err error) {
	defer wrap(&err, "MonitorLatestYear")
	var y sql.NullInt64
	err = db.sql.QueryRowContext(ctx, `SELECT MAX(year) FROM monitor_figures`).Scan(&y)
	return int(y.Int64), err
}
