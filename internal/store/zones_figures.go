package store

import (
	"context"
	"database/sql"
	"math"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/zone/landuse"
	"github.com/qiangxian/qiangxian/internal/zone/target"
)

// ZoneFigures are a zone import's land figures (landuse.Land, Year a
// four-digit year), output targets, reported values of the measures
// (target.Actuals, 亿元) and the tiers file (target.Config TOML; ""
// leaves the stored one).
type ZoneFigures struct {
	Land    []landuse.Land
	Targets []target.Target
	Actuals target.Actuals
	Tiers   string
}

// PutZoneFigures writes f in one transaction, all or nothing: a zone's
// land of a year, a target or a value replaces the one it names, the
// others are kept. ErrInvalid for a land row of a unit that is not a zone,
// a year that is not one, or a target that is not positive.
func (db *DB) PutZoneFigures(ctx context.Context, actor Actor, f ZoneFigures) (err error) {
	defer wrap(&err, "PutZoneFigures(%d land, %d targets)", len(f.Land), len(f.Targets))
	return db.change(ctx, actor, func(t *txn) error {
		for _, l := range f.Land {
			y, err := strconv.Atoi(l.Year)
			if err != nil || y < 1000 || y > 9999 {
				return refuse(ErrInvalid, "store.zone.landYear", l.Zone, l.Year)
			}
			var k UnitKind
			if err := t.QueryRow(`SELECT kind FROM units WHERE code = $1`, l.Zone).Scan(&k); err == sql.ErrNoRows || err == nil && k != UnitZone {
				return refuse(ErrInvalid, "store.zone.landZone", l.Zone)
			} else if err != nil {
				return err
			}
			if _, err := t.Exec(`DELETE FROM zone_land WHERE zone_code = $1 AND year = $2`, l.Zone, y); err != nil {
				return err
			}
			if _, err := t.Exec(`INSERT INTO zone_land (zone_code, year, total, available, supplied, built, floor_area,
				industrial_built, industrial_floor, industrial_invest, tax, industrial_tax, unsupplied, unsupplied_disposed,
				idle, idle_disposed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
				l.Zone, y, nullNum(l.Total), nullNum(l.Available), nullNum(l.Supplied), nullNum(l.Built),
				nullNum(l.FloorArea), nullNum(l.IndustrialBuilt), nullNum(l.IndustrialFloor), nullNum(l.IndustrialInvest),
				nullNum(l.Tax), nullNum(l.IndustrialTax), nullNum(l.Unsupplied), nullNum(l.UnsuppliedDisposed),
				nullNum(l.Idle), nullNum(l.IdleDisposed)); err != nil {
				return err
			}
		}
		for _, x := range f.Targets {
			if !(x.Value > 0) || x.Unit == "" || x.Measure == "" {
				return refuse(ErrInvalid, "store.zone.target", x.Unit, x.Measure, x.Year, x.Value)
			}
			if _, err := t.Exec(`INSERT INTO zone_targets (unit, measure, year, value) VALUES ($1, $2, $3, $4)
				ON CONFLICT (unit, measure, year) DO UPDATE SET value = $4`, x.Unit, x.Measure, x.Year, x.Value); err != nil {
				return err
			}
		}
		n := 0
		for unit, ms := range f.Actuals {
			for m, ys := range ms {
				for y, v := range ys {
					if math.IsNaN(v) || math.IsInf(v, 0) {
						continue
					}
					if _, err := t.Exec(`INSERT INTO zone_actuals (unit, measure, year, value) VALUES ($1, $2, $3, $4)
						ON CONFLICT (unit, measure, year) DO UPDATE SET value = $4`, unit, m, y, v); err != nil {
						return err
					}
					n++
				}
			}
		}
		if f.Tiers != "" {
			if _, err := t.Exec(`INSERT INTO zone_configs (name, body, updated_by, updated_at) VALUES ('tiers', $1, $2, $3)
				ON CONFLICT (name) DO UPDATE SET body = $1, updated_by = $2, updated_at = $3`, f.Tiers, t.actor.Username, t.now); err != nil {
				return err
			}
		}
		return t.audit("put", "zone_figures", "", map[string]any{"land": len(f.Land), "targets": len(f.Targets),
			"actuals": n, "tiers": f.Tiers != ""})
	})
}

// ZoneLand returns the land figures of zone ("" = every zone), by zone and
// year.
func (db *DB) ZoneLand(ctx context.Context, zone string) (ls []landuse.Land, err error) {
	defer wrap(&err, "ZoneLand(%q)", zone)
	rows, err := db.sql.QueryContext(ctx, `SELECT zone_code, year, total, available, supplied, built, floor_area,
		industrial_built, industrial_floor, industrial_invest, tax, industrial_tax, unsupplied, unsupplied_disposed, idle,
		idle_disposed FROM zone_land WHERE zone_code = $1 OR $1 = '' ORDER BY zone_code, year`, zone)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var l landuse.Land
		var y int
		var v [14]sql.NullFloat64
		if err := rows.Scan(&l.Zone, &y, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9], &v[10],
			&v[11], &v[12], &v[13]); err != nil {
			return nil, err
		}
		l.Year = strconv.Itoa(y)
		for i, p := range []*float64{&l.Total, &l.Available, &l.Supplied, &l.Built, &l.FloorArea, &l.IndustrialBuilt,
			&l.IndustrialFloor, &l.IndustrialInvest, &l.Tax, &l.IndustrialTax, &l.Unsupplied, &l.UnsuppliedDisposed,
			&l.Idle, &l.IdleDisposed} {
			*p = numOf(v[i])
		}
		ls = append(ls, l)
	}
	return ls, rows.Err()
}

// ZoneTargets returns every output target, by unit, measure and year.
func (db *DB) ZoneTargets(ctx context.Context) (ts []target.Target, err error) {
	defer wrap(&err, "ZoneTargets")
	rows, err := db.sql.QueryContext(ctx, `SELECT unit, measure, year, value FROM zone_targets ORDER BY unit, measure, year`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var x target.Target
		if err := rows.Scan(&x.Unit, &x.Measure, &x.Year, &x.Value); err != nil {
			return nil, err
		}
		ts = append(ts, x)
	}
	return ts, rows.Err()
}

// ZoneActuals returns every reported value of the measures.
func (db *DB) ZoneActuals(ctx context.Context) (a target.Actuals, err error) {
	defer wrap(&err, "ZoneActuals")
	rows, err := db.sql.QueryContext(ctx, `SELECT unit, measure, year, value FROM zone_actuals`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	a = target.Actuals{}
	for rows.Next() {
		var u, m string
		var y int
		var v float64
		if err := rows.Scan(&u, &m, &y, &v); err != nil {
			return nil, err
		}
		a.Set(u, m, y, v)
	}
	return a, rows.Err()
}

// ZoneTiers returns the stored tiers file; ErrNotFound when none is.
func (db *DB) ZoneTiers(ctx context.Context) (body string, err error) {
	defer wrap(&err, "ZoneTiers")
	err = db.sql.QueryRowContext(ctx, `SELECT body FROM zone_configs WHERE name = 'tiers'`).Scan(&body)
	if err == sql.ErrNoRows {
		err = refuse(ErrNotFound, "store.zone.noTiers")
	}
	return body, err
}
