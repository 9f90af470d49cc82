package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/qiangxian/qiangxian/internal/zone"
)

// ZoneGrade is a zone's result in a held year: imported from before the
// system (source "imported") or assessed (source "assessed"). Score and
// GroupRank are NaN when unknown.
type ZoneGrade struct {
	Zone      string
	Year      int
	Group     string
	GroupRank float64
	Score     float64
	Grade     string
	Source    string
}

// ZoneChange is a rename or merger (From continues as To) or an upgrade
// (From reaches national level in Year).
type ZoneChange struct {
	ID       int64
	Kind     string // zone.ChangeRename, zone.ChangeMerge or zone.ChangeUpgrade
	From, To string
	Year     int
	Document string
}

// ZonePosition is an external fact: a zone's place in a national list of a
// year, with where it was read.
type ZonePosition struct {
	Zone     string
	Year     int
	List     string
	Position int
	Source   string
}

// ZoneValue is an indicator value and its score behind an assessed year.
type ZoneValue struct {
	Zone, Indicator, Name, Unit string
	Year                        int
	Value, Score                float64 // NaN when unknown
}

// PutZoneGrades writes grade-history rows, all or nothing, replacing a
// zone's row of the same year.
func (db *DB) PutZoneGrades(ctx context.Context, actor Actor, gs []ZoneGrade) (err error) {
	defer wrap(&err, "PutZoneGrades(%d)", len(gs))
	return db.change(ctx, actor, func(t *txn) error { return t.putZoneGrades(gs) })
}

func (t *txn) putZoneGrades(gs []ZoneGrade) error {
	if len(gs) == 0 {
		return nil
	}
	for _, g := range gs {
		if g.Source != "imported" && g.Source != "assessed" {
			return refuse(ErrInvalid, "store.zone.gradeSource", g.Zone, g.Year, g.Source)
		}
		if g.GroupRank < 1 {
			return refuse(ErrInvalid, "store.zone.gradeRank", g.Zone, g.Year, g.GroupRank)
		}
		if _, err := t.Exec(`INSERT INTO zone_grades (zone_code, year, grp, group_rank, score, grade, source)
			VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (zone_code, year) DO UPDATE SET grp = $3, group_rank = $4,
			score = $5, grade = $6, source = $7`, g.Zone, g.Year, g.Group, nullNum(g.GroupRank), nullNum(g.Score), g.Grade, g.Source); err != nil {
			return err
		}
	}
	return t.audit("put", "zone_grades", fmt.Sprint(len(gs)), map[string]int{"rows": len(gs)})
}

// ZoneGrades returns the whole grade history, by year then zone.
func (db *DB) ZoneGrades(ctx context.Context) (gs []ZoneGrade, err error) {
	defer wrap(&err, "ZoneGrades")
	rows, err := db.sql.QueryContext(ctx, `SELECT zone_code, year, grp, group_rank, score, grade, source FROM zone_grades ORDER BY year, zone_code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var g ZoneGrade
		var r, s sql.NullFloat64
		if err := rows.Scan(&g.Zone, &g.Year, &g.Group, &r, &s, &g.Grade, &g.Source); err != nil {
			return nil, err
		}
		g.GroupRank, g.Score = numOf(r), numOf(s)
		gs = append(gs, g)
	}
	return gs, rows.Err()
}

// RecordZoneChange records a rename, merger or upgrade.
func (db *DB) RecordZoneChange(ctx context.Context, actor Actor, c ZoneChange) (_ ZoneChange, err error) {
	defer wrap(&err, "RecordZoneChange(%s %s)", c.Kind, c.From)
	err = db.change(ctx, actor, func(t *txn) error {
		var err error
		if c, err = t.insertZoneChange(c); err != nil {
			return err
		}
		if ch, err := t.zoneChanges(); err != nil {
			return err
		} else if err := ch.Validate(); err != nil {
			return refuse(ErrConflict, "store.zone.changes", err)
		}
		return nil
	})
	return c, err
}

// insertZoneChange checks and inserts a change and audits it; the caller
// validates the changes as a whole.
func (t *txn) insertZoneChange(c ZoneChange) (ZoneChange, error) {
	switch {
	case c.Kind != zone.ChangeRename && c.Kind != zone.ChangeMerge && c.Kind != zone.ChangeUpgrade:
		return c, refuse(ErrInvalid, "store.zone.changeKind", c.Kind)
	case (c.Kind == zone.ChangeUpgrade) != (c.To == ""), c.From == "", c.From == c.To:
		return c, refuse(ErrInvalid, "store.zone.changeTo")
	}
	if err := t.QueryRow(`INSERT INTO zone_changes (kind, from_code, to_code, year, document) VALUES ($1, $2, $3, $4, $5)
		RETURNING id`, c.Kind, c.From, c.To, c.Year, c.Document).Scan(&c.ID); err != nil {
		return c, err
	}
	return c, t.audit("create", "zone_change", fmt.Sprint(c.ID), c)
}

// ZoneChanges returns the recorded changes in order, and as the rule
// engine's zone.Changes (upgrade years as periods).
func (db *DB) ZoneChanges(ctx context.Context) (cs []ZoneChange, ch zone.Changes, err error) {
	defer wrap(&err, "ZoneChanges")
	cs, err = queryZoneChanges(ctx, db.sql)
	return cs, changesOf(cs), err
}

func (t *txn) zoneChanges() (zone.Changes, error) {
	cs, err := queryZoneChanges(t.ctx, t.Tx)
	return changesOf(cs), err
}

func queryZoneChanges(ctx context.Context, q querier) ([]ZoneChange, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, kind, from_code, to_code, year, document FROM zone_changes ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cs []ZoneChange
	for rows.Next() {
		var c ZoneChange
		if err := rows.Scan(&c.ID, &c.Kind, &c.From, &c.To, &c.Year, &c.Document); err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
	return cs, rows.Err()
}

func changesOf(cs []ZoneChange) zone.Changes {
	ch := zone.Changes{Successor: map[string]string{}, Upgraded: map[string]string{}}
	for _, c := range cs {
		if c.Kind == zone.ChangeUpgrade {
			ch.Upgraded[c.From] = fmt.Sprint(c.Year)
		} else {
			ch.Successor[c.From] = c.To
		}
	}
	return ch
}

// PutZonePositions records national list positions, replacing a zone's
// position in the same list and year.
func (db *DB) PutZonePositions(ctx context.Context, actor Actor, ps []ZonePosition) (err error) {
	defer wrap(&err, "PutZonePositions(%d)", len(ps))
	return db.change(ctx, actor, func(t *txn) error { return t.putZonePositions(ps) })
}

func (t *txn) putZonePositions(ps []ZonePosition) error {
	if len(ps) == 0 {
		return nil
	}
	for _, p := range ps {
		if _, err := t.Exec(`INSERT INTO zone_positions (zone_code, year, list, position, source) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (zone_code, year, list) DO UPDATE SET position = $4, source = $5`,
			p.Zone, p.Year, p.List, p.Position, p.Source); err != nil {
			return fmt.Errorf("zone %s %d: %w", p.Zone, p.Year, err)
		}
	}
	return t.audit("put", "zone_positions", fmt.Sprint(len(ps)), ps)
}

// ZonePositions returns a zone's national list positions, newest first.
func (db *DB) ZonePositions(ctx context.Context, code string) (ps []ZonePosition, err error) {
	defer wrap(&err, "ZonePositions(%s)", code)
	rows, err := db.sql.QueryContext(ctx, `SELECT zone_code, year, list, position, source FROM zone_positions
		WHERE zone_code = $1 ORDER BY year DESC, list`, code)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var p ZonePosition
		if err := rows.Scan(&p.Zone, &p.Year, &p.List, &p.Position, &p.Source); err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}

// PutZoneValues writes indicator values of assessed years, replacing those
// of the same zone, year and indicator.
func (db *DB) PutZoneValues(ctx context.Context, actor Actor, vs []ZoneValue) (err error) {
	defer wrap(&err, "PutZoneValues(%d)", len(vs))
	return db.change(ctx, actor, func(t *txn) error {
		for _, v := range vs {
			if _, err := t.Exec(`INSERT INTO zone_values (zone_code, year, indicator, name, unit, value, score)
				VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (zone_code, year, indicator) DO UPDATE SET name = $4,
				unit = $5, value = $6, score = $7`, v.Zone, v.Year, v.Indicator, v.Name, v.Unit, nullNum(v.Value), nullNum(v.Score)); err != nil {
				return err
			}
		}
		return t.audit("put", "zone_values", fmt.Sprint(len(vs)), map[string]int{"rows": len(vs)})
	})
}

// ZoneValues returns a zone's indicator values of a year, by indicator
// code.
func (db *DB) ZoneValues(ctx context.Context, code string, year int) (vs []ZoneValue, err error) {
	defer wrap(&err, "ZoneValues(%s, %d)", code, year)
	rows, err := db.sql.QueryContext(ctx, `SELECT zone_code, year, indicator, name, unit, value, score FROM zone_values
		WHERE zone_code = $1 AND year = $2 ORDER BY indicator`, code, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var v ZoneValue
		var val, sc sql.NullFloat64
		if err := rows.Scan(&v.Zone, &v.Year, &v.Indicator, &v.Name, &v.Unit, &val, &sc); err != nil {
			return nil, err
		}
		v.Value, v.Score = numOf(val), numOf(sc)
		vs = append(vs, v)
	}
	return vs, rows.Err()
}

// ZoneHistory builds the rule engine's history from the stored grades
// (every stored year is a held year; the grades are as stored).
func ZoneHistory(gs []ZoneGrade) (*zone.History, error) {
	recs := make([]zone.Record, len(gs))
	for i, g := range gs {
		recs[i] = zone.Record{Period: fmt.Sprint(g.Year), Unit: g.Zone, Group: g.Group, GroupRank: g.GroupRank, Score: g.Score, Grade: g.Grade}
	}
	return zone.Build(recs, nil)
}

func init() {
	dumpTables = append(dumpTables,
		dumpTable{"zones", "code, level, kind, approval_doc, approval_year, area_approved, area_planned, area_built, industries, lat, lon, risk_class, example",
			"ssssifffsffsb", "code", false},
		dumpTable{"zone_subparks", "code, host_code, industry, output_share, tax_share", "sssff", "code", false},
		dumpTable{"zone_changes", "id, kind, from_code, to_code, year, document", "isssis", "id", true},
		dumpTable{"zone_grades", "zone_code, year, grp, group_rank, score, grade, source", "sisffss", "year, zone_code", false},
		dumpTable{"zone_values", "zone_code, year, indicator, name, unit, value, score", "sisssff", "zone_code, year, indicator", false},
		dumpTable{"zone_positions", "zone_code, year, list, position, source", "sisis", "zone_code, year, list", false},
		dumpTable{"zone_methods", "year, method_id", "ii", "year", false},
	)
}

// SetZoneMethod records that methodID assessed the zones of year.
func (db *DB) SetZoneMethod(ctx context.Context, actor Actor, year int, methodID int64) (err error) {
	defer wrap(&err, "SetZoneMethod(%d, %d)", year, methodID)
	return db.change(ctx, actor, func(t *txn) error {
		if _, err := t.Exec(`INSERT INTO zone_methods (year, method_id) VALUES ($1, $2)
			ON CONFLICT (year) DO UPDATE SET method_id = $2`, year, methodID); err != nil {
			return err
		}
		return t.audit("put", "zone_method", fmt.Sprint(year), map[string]int64{"method": methodID})
	})
}

// ZoneMethod returns the method that assessed the zones of the latest
// year up to year (ErrNotFound when none did).
func (db *DB) ZoneMethod(ctx context.Context, year int) (m Method, err error) {
	defer wrap(&err, "ZoneMethod(%d)", year)
	var id int64
	err = db.sql.QueryRowContext(ctx, `SELECT method_id FROM zone_methods WHERE year <= $1 ORDER BY year DESC LIMIT 1`, year).Scan(&id)
	if err == sql.ErrNoRows {
		return m, refuse(ErrNotFound, "store.zone.noMethod", year)
	}
	if err != nil {
		return m, err
	}
	return db.Method(ctx, id)
}

// AllZonePositions returns every recorded national list position, by zone,
// year and list.
func (db *DB) AllZonePositions(ctx context.Context) (ps []ZonePosition, err error) {
	defer wrap(&err, "AllZonePositions")
	rows, err := db.sql.QueryContext(ctx, `SELECT zone_code, year, list, position, source FROM zone_positions
		ORDER BY zone_code, year, list`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var p ZonePosition
		if err := rows.Scan(&p.Zone, &p.Year, &p.List, &p.Position, &p.Source); err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}
