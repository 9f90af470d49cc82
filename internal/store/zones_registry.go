package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/zone"
)

// nullNum stores NaN as NULL.
func nullNum(v float64) any {
	if math.IsNaN(v) {
		return nil
	}
	return v
}

// numOf reads a nullable number, NaN for NULL.
func numOf(v sql.NullFloat64) float64 {
	if !v.Valid {
		return math.NaN()
	}
	return v.Float64
}

// PutZones creates or updates zones of the registry with their sub-parks,
// all or nothing: each zone is a unit of kind zone hosted by its
// prefecture or county, each sub-park a unit of kind subpark under it.
// Sub-parks of a zone that are not in z.Subparks are kept.
func (db *DB) PutZones(ctx context.Context, actor Actor, zones []zone.Zone) (err error) {
	defer wrap(&err, "PutZones(%d)", len(zones))
	return db.change(ctx, actor, func(t *txn) error {
		for _, z := range zones {
			if err := t.putZone(z); err != nil {
				return err
			}
		}
		return nil
	})
}

// putZone writes a zone, its unit and its sub-parks, and audits it.
func (t *txn) putZone(z zone.Zone) error {
	for f, m := range z.Check() {
		return refuse(ErrInvalid, "store.zone.field", z.Code, term{m.In(locale.ZH), f})
	}
	if err := t.putUnit(Unit{Code: z.Code, Name: z.Name, Kind: UnitZone, Host: z.Host}); err != nil {
		return fmt.Errorf("zone %s: %w", z.Code, err)
	}
	if _, err := t.Exec(`INSERT INTO zones (code, level, kind, approval_doc, approval_year, area_approved, area_planned,
		area_built, industries, lat, lon, risk_class, example) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		ON CONFLICT (code) DO UPDATE SET level = $2, kind = $3, approval_doc = $4, approval_year = $5, area_approved = $6,
		area_planned = $7, area_built = $8, industries = $9, lat = $10, lon = $11, risk_class = $12, example = $13`,
		z.Code, z.Level, z.Kind, z.ApprovalDoc, z.ApprovalYear, nullNum(z.AreaApproved), nullNum(z.AreaPlanned),
		nullNum(z.AreaBuilt), strings.Join(z.Industries, "、"), nullNum(z.Lat), nullNum(z.Lon), z.RiskClass, z.Example); err != nil {
		return err
	}
	for _, s := range z.Subparks {
		for f, m := range s.Check() {
			return refuse(ErrInvalid, "store.zone.subparkField", s.Code, term{m.In(locale.ZH), f})
		}
		if err := t.putUnit(Unit{Code: s.Code, Name: s.Name, Kind: UnitSubpark, Parent: z.Code}); err != nil {
			return fmt.Errorf("sub-park %s: %w", s.Code, err)
		}
		var k UnitKind
		err := t.QueryRow(`SELECT kind FROM units WHERE code = $1`, s.Host).Scan(&k)
		if errors.Is(err, sql.ErrNoRows) || err == nil && k != UnitPrefecture && k != UnitCounty {
			return refuse(ErrInvalid, "store.zone.subparkHost", s.Code, s.Host)
		}
		if err != nil {
			return err
		}
		if _, err := t.Exec(`INSERT INTO zone_subparks (code, host_code, industry, output_share, tax_share)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO UPDATE SET host_code = $2, industry = $3,
			output_share = $4, tax_share = $5`, s.Code, s.Host, s.Industry, s.OutputShare, s.TaxShare); err != nil {
			return err
		}
	}
	return t.audit("put", "zone", z.Code, map[string]any{"name": z.Name, "level": z.Level,
		"kind": z.Kind, "host": z.Host, "subparks": len(z.Subparks)})
}

// ZoneImport is a registry import: zones with their sub-parks, grade
// history rows, changes and national list positions.
type ZoneImport struct {
	Zones     []zone.Zone
	Grades    []ZoneGrade
	Changes   []ZoneChange
	Positions []ZonePosition
}

// ImportZones writes an import in one transaction: all of it or, on the
// first problem, nothing.
func (db *DB) ImportZones(ctx context.Context, actor Actor, in ZoneImport) (err error) {
	defer wrap(&err, "ImportZones(%d zones)", len(in.Zones))
	return db.change(ctx, actor, func(t *txn) error {
		for _, z := range in.Zones {
			if err := t.putZone(z); err != nil {
				return err
			}
		}
		if err := t.putZoneGrades(in.Grades); err != nil {
			return err
		}
		for _, c := range in.Changes {
			if _, err := t.insertZoneChange(c); err != nil {
				return err
			}
		}
		if len(in.Changes) > 0 {
			if ch, err := t.zoneChanges(); err != nil {
				return err
			} else if err := ch.Validate(); err != nil {
				return refuse(ErrConflict, "store.zone.changes", err)
			}
		}
		return t.putZonePositions(in.Positions)
	})
}

const zoneSelect = `SELECT u.code, u.name, z.level, z.kind, COALESCE(u.host_code, ''), z.approval_doc, z.approval_year,
	z.area_approved, z.area_planned, z.area_built, z.industries, z.lat, z.lon, z.risk_class, z.example
	FROM zones z JOIN units u ON u.code = z.code`

func scanZone(s scanner) (zone.Zone, error) {
	var z zone.Zone
	var ap, pl, bu, lat, lon sql.NullFloat64
	var ind string
	err := s.Scan(&z.Code, &z.Name, &z.Level, &z.Kind, &z.Host, &z.ApprovalDoc, &z.ApprovalYear, &ap, &pl, &bu, &ind,
		&lat, &lon, &z.RiskClass, &z.Example)
	z.AreaApproved, z.AreaPlanned, z.AreaBuilt, z.Lat, z.Lon = numOf(ap), numOf(pl), numOf(bu), numOf(lat), numOf(lon)
	if ind != "" {
		z.Industries = strings.Split(ind, "、")
	}
	return z, err
}

// Zones returns the registry's zones by code, each with its sub-parks by
// code.
func (db *DB) Zones(ctx context.Context) (zs []zone.Zone, err error) {
	defer wrap(&err, "Zones")
	rows, err := db.sql.QueryContext(ctx, zoneSelect+` ORDER BY u.code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	at := map[string]int{}
	for rows.Next() {
		z, err := scanZone(rows)
		if err != nil {
			return nil, err
		}
		at[z.Code] = len(zs)
		zs = append(zs, z)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = db.sql.QueryContext(ctx, `SELECT u.parent_code, u.code, u.name, s.host_code, s.industry, s.output_share, s.tax_share
		FROM zone_subparks s JOIN units u ON u.code = s.code ORDER BY u.code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var parent string
		var s zone.Subpark
		if err := rows.Scan(&parent, &s.Code, &s.Name, &s.Host, &s.Industry, &s.OutputShare, &s.TaxShare); err != nil {
			return nil, err
		}
		if i, ok := at[parent]; ok {
			zs[i].Subparks = append(zs[i].Subparks, s)
		}
	}
	return zs, rows.Err()
}

// Zone returns one zone of the registry with its sub-parks.
func (db *DB) Zone(ctx context.Context, code string) (z zone.Zone, err error) {
	defer wrap(&err, "Zone(%s)", code)
	zs, err := db.Zones(ctx)
	if err != nil {
		return z, err
	}
	for _, z := range zs {
		if z.Code == code {
			return z, nil
		}
	}
	return z, refuse(ErrNotFound, "store.zone.notFound", code)
}
