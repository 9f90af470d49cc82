package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// UnitKind is what a unit is: a division (province, prefecture, county) or a
// development zone or one of its sub-parks (一区多园).
type UnitKind string

// The unit kinds.
const (
	UnitProvince   UnitKind = "province"
	UnitPrefecture UnitKind = "prefecture"
	UnitCounty     UnitKind = "county" // county-level: 县, 县级市, 市辖区, 自治县
	UnitZone       UnitKind = "zone"
	UnitSubpark    UnitKind = "subpark"
)

// Unit is a place that is evaluated or that holds others. Divisions have
// 6-digit codes and a parent (a county's prefecture, a prefecture's
// province); a zone has a host, the prefecture or county it lies in (嘉峪关
// has no county, so its zones sit in the prefecture); a sub-park's parent is
// its zone. ValidFrom and ValidTo (zero when open) bound the code's life:
// after 撤县设区 the old code ends and a new one starts (see UnitChange).
type Unit struct {
	Code      string
	Name      string
	Kind      UnitKind
	Parent    string
	Host      string
	ValidFrom time.Time
	ValidTo   time.Time
}

const unitColumns = `code, name, kind, parent_code, host_code, valid_from, valid_to`

type scanner interface{ Scan(dest ...any) error }

func scanUnit(s scanner) (Unit, error) {
	var u Unit
	var parent, host sql.NullString
	var from, to sql.NullTime
	err := s.Scan(&u.Code, &u.Name, &u.Kind, &parent, &host, &from, &to)
	u.Parent, u.Host = parent.String, host.String
	u.ValidFrom, u.ValidTo = dateOf(from), dateOf(to)
	return u, err
}

// dateOf returns a nullable DATE column as a UTC time, zero for NULL.
func dateOf(t sql.NullTime) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

// nullDate stores a zero time as NULL and any other as its UTC day.
func nullDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Unit returns the unit with code.
func (db *DB) Unit(ctx context.Context, code string) (u Unit, err error) {
	defer wrap(&err, "Unit(%q)", code)
	return scanUnit(db.sql.QueryRowContext(ctx, `SELECT `+unitColumns+` FROM units WHERE code = $1`, code))
}

// UnitFilter selects units; zero fields select all.
type UnitFilter struct {
	Kind   UnitKind
	Parent string // children of this unit (a prefecture's counties, a zone's sub-parks)
	Host   string // zones hosted by this unit
}

// Units returns the units f selects, by code.
func (db *DB) Units(ctx context.Context, f UnitFilter) (units []Unit, err error) {
	defer wrap(&err, "Units")
	rows, err := db.sql.QueryContext(ctx, `SELECT `+unitColumns+` FROM units
		WHERE ($1 = '' OR kind = $1) AND ($2 = '' OR parent_code = $2) AND ($3 = '' OR host_code = $3)
		ORDER BY code`, string(f.Kind), f.Parent, f.Host)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return nil, err
		}
		units = append(units, u)
	}
	return units, rows.Err()
}

// PrefectureOf returns the code of the prefecture a unit belongs to: the
// unit itself for a prefecture, a county's parent, a zone's host (or the
// host's prefecture), a sub-park's zone's; "" for the province. Permission
// checks use it to scope a prefecture reviewer.
func (db *DB) PrefectureOf(ctx context.Context, code string) (pref string, err error) {
	defer wrap(&err, "PrefectureOf(%q)", code)
	for range 5 { // sub-park → zone → county → prefecture at most
		u, err := db.Unit(ctx, code)
		if err != nil {
			return "", err
		}
		switch u.Kind {
		case UnitPrefecture:
			return u.Code, nil
		case UnitProvince:
			return "", nil
		case UnitZone:
			code = u.Host
		default:
			code = u.Parent
		}
		if code == "" {
			return "", nil
		}
	}
	return "", refuse(ErrInvalid, "store.unit.tooDeep")
}

// PutUnits creates or updates units, parents before children, in one
// transaction with one audit row each.
func (db *DB) PutUnits(ctx context.Context, actor Actor, units []Unit) (err error) {
	defer wrap(&err, "PutUnits")
	return db.change(ctx, actor, func(t *txn) error {
		for _, u := range units {
			if err := t.putUnit(u); err != nil {
				return fmt.Errorf("unit %s: %w", u.Code, err)
			}
		}
		return nil
	})
}

func (t *txn) putUnit(u Unit) error {
	if err := t.checkUnit(u); err != nil {
		return err
	}
	var exists int
	if err := t.QueryRow(`SELECT COUNT(*) FROM units WHERE code = $1`, u.Code).Scan(&exists); err != nil {
		return err
	}
	_, err := t.Exec(`INSERT INTO units (`+unitColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (code) DO UPDATE SET name = $2, kind = $3, parent_code = $4, host_code = $5,
			valid_from = $6, valid_to = $7`,
		u.Code, u.Name, string(u.Kind), nullString(u.Parent), nullString(u.Host), nullDate(u.ValidFrom), nullDate(u.ValidTo))
	if err != nil {
		return err
	}
	action := "create"
	if exists > 0 {
		action = "update"
	}
	return t.audit(action, "unit", u.Code, u)
}

// term is the kind's name in a refusal.
func (k UnitKind) term() term {
	zh := map[UnitKind]string{UnitProvince: "省", UnitPrefecture: "市", UnitCounty: "县区", UnitZone: "开发区", UnitSubpark: "子园区"}[k]
	if zh == "" {
		zh = string(k)
	}
	return term{zh, string(k)}
}

// roleTerm is the name of a unit's parent or host in a refusal.
func roleTerm(role string) term {
	if role == "host" {
		return term{"所在地", role}
	}
	return term{"上级单位", role}
}

// checkUnit enforces the shape of the hierarchy, which a CHECK cannot see.
func (t *txn) checkUnit(u Unit) error {
	if u.Code == "" || len(u.Code) > 32 || strings.ContainsAny(u.Code, " \t\r\n,") {
		return refuse(ErrInvalid, "store.unit.code", u.Code)
	}
	if strings.TrimSpace(u.Name) == "" {
		return refuse(ErrInvalid, "store.unit.noName")
	}
	kindOf := func(code string) (UnitKind, error) {
		var k UnitKind
		err := t.QueryRow(`SELECT kind FROM units WHERE code = $1`, code).Scan(&k)
		if err == sql.ErrNoRows {
			return "", refuse(ErrInvalid, "store.unit.missing", code)
		}
		return k, err
	}
	want := func(code, role string, kinds ...UnitKind) error {
		if code == "" {
			return refuse(ErrInvalid, "store.unit.needs", u.Kind.term(), roleTerm(role))
		}
		k, err := kindOf(code)
		if err != nil {
			return err
		}
		for _, w := range kinds {
			if k == w {
				return nil
			}
		}
		return refuse(ErrInvalid, "store.unit.wrongKind", roleTerm(role), code, u.Kind.term(), k.term())
	}
	switch u.Kind {
	case UnitProvince, UnitPrefecture, UnitCounty:
		if !isDivisionCode(u.Code) {
			return refuse(ErrInvalid, "store.unit.division", u.Code)
		}
		if u.Host != "" {
			return refuse(ErrInvalid, "store.unit.hostOnlyZones")
		}
		switch {
		case u.Kind == UnitProvince && u.Parent != "":
			return refuse(ErrInvalid, "store.unit.provinceParent")
		case u.Kind == UnitPrefecture && u.Parent != "":
			return want(u.Parent, "parent", UnitProvince)
		case u.Kind == UnitCounty:
			return want(u.Parent, "parent", UnitPrefecture)
		}
	case UnitZone:
		if u.Parent != "" {
			return refuse(ErrInvalid, "store.unit.zoneParent")
		}
		return want(u.Host, "host", UnitPrefecture, UnitCounty)
	case UnitSubpark:
		if u.Host != "" {
			return refuse(ErrInvalid, "store.unit.subparkHost")
		}
		return want(u.Parent, "parent", UnitZone)
	default:
		return refuse(ErrInvalid, "store.unit.kind", u.Kind)
	}
	return nil
}

func isDivisionCode(s string) bool {
	if len(s) != 6 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
