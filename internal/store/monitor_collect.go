package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/qiangxian/qiangxian/internal/monitor"
)

// Monitoring figures through the collection workflow (issue 21): the
// office opens the collection tasks of a cumulative period (the monthly
// indicators, and at a quarter's end the quarterly ones, each with its
// official growth), the providing departments upload the figures with the
// ordinary checked import (held imports, explanations, county
// confirmation and objections), and the office adopts what came in as the
// period's preliminary or final monitoring figures. The adoption is
// recorded with the revision it read, so a monitoring figure can be traced
// to its upload.

func init() {
	dumpTables = append(dumpTables, dumpTable{"monitor_adoptions",
		"id, year, month, stage, revision_id, figures, objected, adopted_at, adopted_by", "iiisiiits", "id", true})
}

// monitorSources returns the monitoring indicators as collection reads them.
func (db *DB) monitorSources(ctx context.Context) ([]monitor.Source, error) {
	inds, err := db.MonitorIndicators(ctx)
	if err != nil {
		return nil, err
	}
	srcs := make([]monitor.Source, len(inds))
	for i, ind := range inds {
		// An official growth of an indicator that does not add up
		// (规上工业增加值, energy intensity) is collected alone.
		srcs[i] = monitor.Source{Code: ind.Code, Quarterly: ind.Frequency == "quarterly", OfficialGrowth: ind.OfficialGrowth,
			GrowthOnly: ind.OfficialGrowth && !ind.Additive}
	}
	return srcs, nil
}

// monitorPeriodCode is the store's code of a cumulative period (2023-M03).
func monitorPeriodCode(p monitor.Period) string { return fmt.Sprintf("%d-M%02d", p.Year, p.Month) }

// PutMonitorTasks opens (or re-dates) the collection tasks of cumulative
// period p, due on deadline: one task per catalogue code that
// monitor.DueCodes lists for its month, each owned by the code's providing
// department. Every code must be in the indicator catalogue with a
// department. January has no tasks (it comes with February).
func (db *DB) PutMonitorTasks(ctx context.Context, actor Actor, p monitor.Period, deadline time.Time) (ts []Task, err error) {
	defer wrap(&err, "PutMonitorTasks(%s)", p)
	srcs, err := db.monitorSources(ctx)
	if err != nil {
		return nil, err
	}
	codes := monitor.DueCodes(srcs, p.Month)
	if len(codes) == 0 {
		return nil, refuse(ErrInvalid, "store.monitor.nothingCollected", p)
	}
	return db.PutTasks(ctx, actor, monitorPeriodCode(p), deadline, 0, codes)
}

// Adoption records that the collected figures of a period became its
// monitoring figures of a stage: read as of Revision, Figures figures
// adopted, Objected figures left out because their county objects to them.
type Adoption struct {
	ID          int64
	Year, Month int
	Stage       string
	Revision    int64
	Figures     int
	Objected    int
	At          time.Time
	By          string
}

// AdoptMonitorFigures makes the collected figures of period p its
// monitoring figures of stage (preliminary or final): the newest figure of
// every unit under each code due in p, as of the latest revision, assembled
// by monitor.Assemble. Indicators, when given, limits the adoption to those
// monitoring indicators (the bureau releases the final figures of some
// before others). A figure under objection (异议, not yet corrected)
// is left out and counted. For each indicator adopted, the stage's figures
// of the period are replaced; the other stage is untouched, so the
// preliminary and the final figures stay apart. Nothing collected is
// ErrInvalid. The adoption is recorded and audited in the same transaction.
func (db *DB) AdoptMonitorFigures(ctx context.Context, actor Actor, p monitor.Period, stage string, indicators ...string) (a Adoption, err error) {
	defer wrap(&err, "AdoptMonitorFigures(%s, %s)", p, stage)
	if stage != StagePreliminary && stage != StageFinal {
		return a, refuse(ErrInvalid, "store.monitor.stage", stage)
	}
	srcs, err := db.monitorSources(ctx)
	if err != nil {
		return a, err
	}
	if len(indicators) > 0 {
		srcs = slices.DeleteFunc(srcs, func(s monitor.Source) bool { return !slices.Contains(indicators, s.Code) })
	}
	codes := monitor.DueCodes(srcs, p.Month)
	if len(codes) == 0 {
		return a, refuse(ErrInvalid, "store.monitor.notCollected", indicators, p)
	}
	rev, err := db.LatestRevision(ctx)
	if err != nil {
		return a, err
	}
	obs, err := db.Observations(ctx, ObservationFilter{AsOf: rev, Indicators: codes, Periods: []string{monitorPeriodCode(p)}})
	if err != nil {
		return a, err
	}
	a = Adoption{Year: p.Year, Month: p.Month, Stage: stage, Revision: rev, By: actor.Username}
	got := make([]monitor.Collected, 0, len(obs))
	for _, o := range obs {
		if o.Status == StatusObjected {
			a.Objected++
			continue
		}
		got = append(got, monitor.Collected{Unit: o.Unit, Code: o.Indicator, Value: o.Value})
	}
	figs, err := monitor.Assemble(p, srcs, got)
	if err != nil {
		return a, err
	}
	if len(figs) == 0 {
		return a, refuse(ErrInvalid, "store.monitor.noneYet", p)
	}
	a.Figures = len(figs)
	err = db.change(ctx, actor, func(t *txn) error {
		if err := t.replaceMonitorFigures(stage, figs); err != nil {
			return err
		}
		a.At = t.now
		if err := t.QueryRow(`INSERT INTO monitor_adoptions (year, month, stage, revision_id, figures, objected, adopted_at, adopted_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, a.Year, a.Month, a.Stage, a.Revision, a.Figures, a.Objected,
			t.now, t.actor.Username).Scan(&a.ID); err != nil {
			return err
		}
		return t.audit("adopt", "monitor_figures", p.String(), map[string]any{"stage": stage, "revision": rev,
			"figures": a.Figures, "objected": a.Objected})
	})
	a.At = a.At.UTC()
	return a, err
}

// MonitorAdoptions returns the adoptions of year (every year when 0),
// newest first.
func (db *DB) MonitorAdoptions(ctx context.Context, year int) (out []Adoption, err error) {
	defer wrap(&err, "MonitorAdoptions(%d)", year)
	rows, err := db.sql.QueryContext(ctx, `SELECT id, year, month, stage, revision_id, figures, objected, adopted_at, adopted_by
		FROM monitor_adoptions WHERE ($1 = 0 OR year = $1) ORDER BY id DESC`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var a Adoption
		if err := rows.Scan(&a.ID, &a.Year, &a.Month, &a.Stage, &a.Revision, &a.Figures, &a.Objected, &a.At, &a.By); err != nil {
			return nil, err
		}
		a.At = a.At.UTC()
		out = append(out, a)
	}
	return out, rows.Err()
}
