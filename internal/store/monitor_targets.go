package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/monitor"
)

// MonitorIndicator is an indicator as monthly monitoring reads it.
type MonitorIndicator struct {
	Code, Name, Unit string
	Frequency        string // "monthly" or "quarterly"
	Direction        int    // 1: more is better; -1: less is better (energy intensity)
	Additive         bool   // sums over units: a growth may be computed
	OfficialGrowth   bool   // the bureau's growth is imported, never computed
	Seasonal         bool   // elapsed time is the seasonal benchmark, not months / 12
}

const monitorIndicatorColumns = `code, name, unit, frequency, direction, additive, official_growth, seasonal`

// PutMonitorIndicators adds or replaces monitoring indicators.
func (db *DB) PutMonitorIndicators(ctx context.Context, actor Actor, inds []MonitorIndicator) (err error) {
	defer wrap(&err, "PutMonitorIndicators")
	for _, i := range inds {
		if strings.TrimSpace(i.Code) == "" || (i.Frequency != "monthly" && i.Frequency != "quarterly") ||
			(i.Direction != 1 && i.Direction != -1) {
			return refuse(ErrInvalid, "store.monitor.indicator", i.Code)
		}
	}
	return db.change(ctx, actor, func(t *txn) error {
		for _, i := range inds {
			if _, err := t.Exec(`INSERT INTO monitor_indicators (`+monitorIndicatorColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
				ON CONFLICT (code) DO UPDATE SET name = $2, unit = $3, frequency = $4, direction = $5, additive = $6,
				official_growth = $7, seasonal = $8`, i.Code, i.Name, i.Unit, i.Frequency, i.Direction, i.Additive,
				i.OfficialGrowth, i.Seasonal); err != nil {
				return err
			}
		}
		return t.audit("put", "monitor_indicator", "", map[string]int{"indicators": len(inds)})
	})
}

// MonitorIndicators returns the monitoring indicators by code.
func (db *DB) MonitorIndicators(ctx context.Context) (out []MonitorIndicator, err error) {
	defer wrap(&err, "MonitorIndicators")
	rows, err := db.sql.QueryContext(ctx, `SELECT `+monitorIndicatorColumns+` FROM monitor_indicators ORDER BY code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var i MonitorIndicator
		if err := rows.Scan(&i.Code, &i.Name, &i.Unit, &i.Frequency, &i.Direction, &i.Additive, &i.OfficialGrowth, &i.Seasonal); err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

// TargetChange is one audited revision of a target: what it was (OldKind
// "" when it is new), what it became, why, who and when.
type TargetChange struct {
	Year            int
	Unit, Indicator string
	OldKind         monitor.Kind
	OldValue        float64 // NaN when new
	Kind            monitor.Kind
	Value           float64
	Reason          string
	At              time.Time
	By              string
}

// ErrShortfall wraps ErrInvalid: the decomposed absolute targets add up to
// less than the whole and no explanation was given.
var ErrShortfall = fmt.Errorf("%w: decomposed targets add up to less than the whole", ErrInvalid)

// PutMonitorTargets sets year-start targets (new or revised), all or
// nothing. A revision of an existing target needs a reason, kept with the
// old and new value. After the change the absolute targets of the years
// touched are checked province → prefecture → county
// (monitor.CheckDecomposition): when parts add up to less than the whole,
// the change is refused with each shortfall explained unless explain
// gives the office's reason (说明), which is then recorded with the
// shortfalls. The shortfalls are returned either way.
func (db *DB) PutMonitorTargets(ctx context.Context, actor Actor, targets []monitor.Target, reason, explain string) (short []monitor.Shortfall, err error) {
	defer wrap(&err, "PutMonitorTargets")
	for i, tg := range targets {
		if (tg.Kind != monitor.Absolute && tg.Kind != monitor.Growth) || math.IsNaN(tg.Value) || math.IsInf(tg.Value, 0) || tg.Year < 1900 {
			return nil, refuse(ErrInvalid, "store.monitor.target", i+1, tg.Unit, tg.Indicator, tg.Year)
		}
	}
	err = db.change(ctx, actor, func(t *txn) error {
		years := map[int]bool{}
		for _, tg := range targets {
			years[tg.Year] = true
			var oldKind string
			var oldValue float64
			e := t.QueryRow(`SELECT kind, value FROM monitor_targets WHERE year = $1 AND unit_code = $2 AND indicator = $3`,
				tg.Year, tg.Unit, tg.Indicator).Scan(&oldKind, &oldValue)
			switch {
			case e == nil && oldKind == string(tg.Kind) && oldValue == tg.Value:
				continue // unchanged
			case e == nil && strings.TrimSpace(reason) == "":
				return refuse(ErrInvalid, "store.monitor.targetReason", tg.Year, tg.Unit, tg.Indicator)
			case e != nil && !errors.Is(e, sql.ErrNoRows):
				return e
			}
			if e != nil {
				oldValue = math.NaN()
			}
			if _, err := t.Exec(`INSERT INTO monitor_targets (year, unit_code, indicator, kind, value, updated_at, updated_by)
				VALUES ($1, $2, $3, $4, $5, $6, $7)
				ON CONFLICT (year, unit_code, indicator) DO UPDATE SET kind = $4, value = $5, updated_at = $6, updated_by = $7`,
				tg.Year, tg.Unit, tg.Indicator, string(tg.Kind), tg.Value, t.now, t.actor.Username); err != nil {
				return err
			}
			if _, err := t.Exec(`INSERT INTO monitor_target_changes (year, unit_code, indicator, old_kind, old_value, kind, value, reason, changed_at, changed_by)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, tg.Year, tg.Unit, tg.Indicator, oldKind, nullFloat(oldValue),
				string(tg.Kind), tg.Value, reason, t.now, t.actor.Username); err != nil {
				return err
			}
		}
		for y := range years {
			all, err := t.monitorTargets(y)
			if err != nil {
				return err
			}
			short = append(short, monitor.CheckDecomposition(all)...)
		}
		if len(short) > 0 && strings.TrimSpace(explain) == "" {
			msgs := make([]string, len(short))
			for i, s := range short {
				msgs[i] = s.Message("zh")
			}
			return refuse(ErrShortfall, "store.monitor.shortfall", strings.Join(msgs, " "))
		}
		detail := map[string]any{"targets": len(targets), "reason": reason}
		if len(short) > 0 {
			detail["shortfalls"], detail["explanation"] = len(short), explain
		}
		return t.audit("put", "monitor_target", "", detail)
	})
	if err != nil {
		return short, err
	}
	return short, nil
}

func (t *txn) monitorTargets(year int) ([]monitor.Target, error) {
	rows, err := t.Query(`SELECT year, unit_code, indicator, value, kind FROM monitor_targets WHERE year = $1`, year)
	if err != nil {
		return nil, err
	}
	return scanMonitorTargets(rows)
}

func scanMonitorTargets(rows interface {
	Next() bool
	Scan(...any) error
	Err() error
	Close() error
}) (out []monitor.Target, err error) {
	defer rows.Close()
	for rows.Next() {
		var tg monitor.Target
		var kind string
		if err := rows.Scan(&tg.Year, &tg.Unit, &tg.Indicator, &tg.Value, &kind); err != nil {
			return nil, err
		}
		tg.Kind = monitor.Kind(kind)
		out = append(out, tg)
	}
	return out, rows.Err()
}

// MonitorTargets returns the targets of year (all years when 0), by unit
// and indicator.
func (db *DB) MonitorTargets(ctx context.Context, year int) (out []monitor.Target, err error) {
	defer wrap(&err, "MonitorTargets(%d)", year)
	rows, err := db.sql.QueryContext(ctx, `SELECT year, unit_code, indicator, value, kind FROM monitor_targets
		WHERE ($1 = 0 OR year = $1) ORDER BY year, unit_code, indicator`, year)
	if err != nil {
		return nil, err
	}
	return scanMonitorTargets(rows)
}

// MonitorTargetChanges returns the revisions of the targets of year, oldest
// first.
func (db *DB) MonitorTargetChanges(ctx context.Context, year int) (out []TargetChange, err error) {
	defer wrap(&err, "MonitorTargetChanges(%d)", year)
	rows, err := db.sql.QueryContext(ctx, `SELECT year, unit_code, indicator, old_kind, old_value, kind, value, reason, changed_at, changed_by
		FROM monitor_target_changes WHERE year = $1 ORDER BY id`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c TargetChange
		var oldKind, kind string
		var old sql.NullFloat64
		if err := rows.Scan(&c.Year, &c.Unit, &c.Indicator, &oldKind, &old, &kind, &c.Value, &c.Reason, &c.At, &c.By); err != nil {
			return nil, err
		}
		c.OldKind, c.Kind, c.OldValue, c.At = monitor.Kind(oldKind), monitor.Kind(kind), floatOf(old), c.At.UTC()
		out = append(out, c)
	}
	return out, rows.Err()
}
