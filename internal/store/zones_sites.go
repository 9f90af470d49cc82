package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/qiangxian/qiangxian/internal/zone"
)

// ZoneSite is a zone's ready sites as stored (zone.Site) with who last
// changed them.
type ZoneSite struct {
	zone.Site
	UpdatedAt time.Time
	UpdatedBy string
}

const zoneSiteColumns = `zone_code, land_mu, factory_m2, water_price, power_price, gas_price, price_date, source, note,
	example, updated_at, updated_by`

// PutZoneSites creates or replaces the ready sites of zones, all or
// nothing: each must pass zone.Site.Check and name a zone of the registry
// (ErrInvalid otherwise).
func (db *DB) PutZoneSites(ctx context.Context, actor Actor, ss []zone.Site) (err error) {
	defer wrap(&err, "PutZoneSites(%d)", len(ss))
	for _, s := range ss {
		for _, p := range s.Check() {
			return refuse(ErrInvalid, "store.zone.site", s.Zone, localized(p))
		}
	}
	return db.change(ctx, actor, func(t *txn) error {
		for _, s := range ss {
			var n int
			if err := t.QueryRow(`SELECT COUNT(*) FROM zones WHERE code = $1`, s.Zone).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return refuse(ErrInvalid, "store.zone.notInRegistry", s.Zone)
			}
			if _, err := t.Exec(`INSERT INTO zone_sites (`+zoneSiteColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
				ON CONFLICT (zone_code) DO UPDATE SET land_mu = $2, factory_m2 = $3, water_price = $4, power_price = $5,
				gas_price = $6, price_date = $7, source = $8, note = $9, example = $10, updated_at = $11, updated_by = $12`,
				s.Zone, nullNum(s.LandMu), nullNum(s.FactoryM2), nullNum(s.WaterPrice), nullNum(s.PowerPrice), nullNum(s.GasPrice),
				nullDate(s.PriceDate), s.Source, s.Note, s.Example, t.now, t.actor.Username); err != nil {
				return err
			}
		}
		zones := make([]string, len(ss))
		for i, s := range ss {
			zones[i] = s.Zone
		}
		return t.audit("put", "zone_sites", fmt.Sprint(len(ss)), map[string][]string{"zones": zones})
	})
}

// ZoneSites returns the ready sites of every zone that has them, by zone.
func (db *DB) ZoneSites(ctx context.Context) (ss []ZoneSite, err error) {
	defer wrap(&err, "ZoneSites")
	rows, err := db.sql.QueryContext(ctx, `SELECT `+zoneSiteColumns+` FROM zone_sites ORDER BY zone_code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var s ZoneSite
		var land, floor, water, power, gas sql.NullFloat64
		var day sql.NullTime
		if err := rows.Scan(&s.Zone, &land, &floor, &water, &power, &gas, &day, &s.Source, &s.Note, &s.Example,
			&s.UpdatedAt, &s.UpdatedBy); err != nil {
			return nil, err
		}
		s.LandMu, s.FactoryM2, s.WaterPrice, s.PowerPrice, s.GasPrice = numOf(land), numOf(floor), numOf(water), numOf(power), numOf(gas)
		s.PriceDate, s.UpdatedAt = dateOf(day), s.UpdatedAt.UTC()
		ss = append(ss, s)
	}
	return ss, rows.Err()
}

func init() {
	dumpTables = append(dumpTables, dumpTable{"zone_sites", zoneSiteColumns, "sffffftssbts", "zone_code", false})
}
