package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"
)

// UnitAttribute is a fact about a unit valid for a span of years: a county's
// declared type (name "type", one row per type, two for a two-type county),
// a zone's level ("level": national, provincial …), membership of a 限制开发区.
// ToYear 0 means open-ended.
type UnitAttribute struct {
	ID       int64
	Unit     string
	Name     string
	Value    string
	FromYear int
	ToYear   int
}

const attributeColumns = `id, unit_code, name, value, from_year, to_year`

func scanAttribute(s scanner) (UnitAttribute, error) {
	var a UnitAttribute
	var to sql.NullInt64
	err := s.Scan(&a.ID, &a.Unit, &a.Name, &a.Value, &a.FromYear, &to)
	a.ToYear = int(to.Int64)
	return a, err
}

// AddAttribute records an attribute and returns it with its id. Declaring a
// new type from a year on is a new row; ending an old one is EndAttribute.
func (db *DB) AddAttribute(ctx context.Context, actor Actor, a UnitAttribute) (_ UnitAttribute, err error) {
	defer wrap(&err, "AddAttribute(%s %s)", a.Unit, a.Name)
	if a.Name == "" || a.FromYear <= 0 || (a.ToYear != 0 && a.ToYear < a.FromYear) {
		return a, refuse(ErrInvalid, "store.unit.attribute")
	}
	err = db.change(ctx, actor, func(t *txn) error {
		var to any
		if a.ToYear != 0 {
			to = a.ToYear
		}
		if err := t.QueryRow(`INSERT INTO unit_attributes (unit_code, name, value, from_year, to_year)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`, a.Unit, a.Name, a.Value, a.FromYear, to).Scan(&a.ID); err != nil {
			return err
		}
		return t.audit("create", "unit_attribute", fmt.Sprint(a.ID), a)
	})
	return a, err
}

// EndAttribute closes an open attribute at toYear (the last year it holds).
func (db *DB) EndAttribute(ctx context.Context, actor Actor, id int64, toYear int) (err error) {
	defer wrap(&err, "EndAttribute(%d)", id)
	return db.change(ctx, actor, func(t *txn) error {
		res, err := t.Exec(`UPDATE unit_attributes SET to_year = $1 WHERE id = $2 AND from_year <= $1`, toYear, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return refuse(ErrNotFound, "store.unit.noAttribute", id, toYear)
		}
		return t.audit("update", "unit_attribute", fmt.Sprint(id), map[string]int{"to_year": toYear})
	})
}

// Attributes returns the attributes named name (all names when "") valid in
// year (all years when 0) of unit (all units when ""), by unit, name, value.
// Attributes(ctx, "", "type", 2022) gives every county's declared types.
func (db *DB) Attributes(ctx context.Context, unit, name string, year int) (as []UnitAttribute, err error) {
	defer wrap(&err, "Attributes(%q, %q, %d)", unit, name, year)
	rows, err := db.sql.QueryContext(ctx, `SELECT `+attributeColumns+` FROM unit_attributes
		WHERE ($1 = '' OR unit_code = $1) AND ($2 = '' OR name = $2)
		AND ($3 = 0 OR (from_year <= $3 AND (to_year IS NULL OR to_year >= $3)))
		ORDER BY unit_code, name, value, from_year`, unit, name, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanAttribute(rows)
		if err != nil {
			return nil, err
		}
		as = append(as, a)
	}
	return as, rows.Err()
}

// ChangeKind is how a code changed.
type ChangeKind string

// The kinds of code change.
const (
	ChangeRecode ChangeKind = "recode" // 撤县设市, 撤县设区: same place, new code
	ChangeMerge  ChangeKind = "merge"  // From is merged into To (one row per merged unit)
	ChangeSplit  ChangeKind = "split"  // part of From becomes To
)

// UnitChange records that From became (part of) To on Effective, by the
// approving Document (e.g. 国函〔2018〕…).
type UnitChange struct {
	ID        int64
	Kind      ChangeKind
	From      string
	To        string
	Effective time.Time
	Document  string
	Note      string
}

const changeColumns = `id, kind, from_code, to_code, effective, document, note`

func scanChange(s scanner) (UnitChange, error) {
	var c UnitChange
	err := s.Scan(&c.ID, &c.Kind, &c.From, &c.To, &c.Effective, &c.Document, &c.Note)
	c.Effective = c.Effective.UTC()
	return c, err
}

// RecordChange records a code change; both units must exist (create the new
// one first, and end the old one's ValidTo with PutUnits).
func (db *DB) RecordChange(ctx context.Context, actor Actor, c UnitChange) (_ UnitChange, err error) {
	defer wrap(&err, "RecordChange(%s → %s)", c.From, c.To)
	if c.Effective.IsZero() {
		return c, refuse(ErrInvalid, "store.unit.changeDay")
	}
	err = db.change(ctx, actor, func(t *txn) error {
		if err := t.QueryRow(`INSERT INTO unit_changes (kind, from_code, to_code, effective, document, note)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			string(c.Kind), c.From, c.To, nullDate(c.Effective), c.Document, c.Note).Scan(&c.ID); err != nil {
			return err
		}
		return t.audit("create", "unit_change", fmt.Sprint(c.ID), c)
	})
	c.Effective = nullDate(c.Effective).(time.Time)
	return c, err
}

// UnitHistory is everything a unit has been: the codes linked to one code
// through changes, in both directions and transitively, and the changes.
type UnitHistory struct {
	Units   []Unit       // by ValidFrom (open starts first), then code
	Changes []UnitChange // by Effective
}

// History returns the history of the unit with code, so that a rank history
// follows a county from its old code to its new one (and a merged county
// into the unit that absorbed it).
func (db *DB) History(ctx context.Context, code string) (h UnitHistory, err error) {
	defer wrap(&err, "History(%q)", code)
	if _, err := db.Unit(ctx, code); err != nil {
		return h, err
	}
	seen := map[string]bool{code: true}
	queue := []string{code}
	changes := map[int64]UnitChange{}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		rows, err := db.sql.QueryContext(ctx, `SELECT `+changeColumns+` FROM unit_changes
			WHERE from_code = $1 OR to_code = $1`, c)
		if err != nil {
			return h, err
		}
		for rows.Next() {
			ch, err := scanChange(rows)
			if err != nil {
				rows.Close()
				return h, err
			}
			changes[ch.ID] = ch
			for _, next := range []string{ch.From, ch.To} {
				if !seen[next] {
					seen[next] = true
					queue = append(queue, next)
				}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return h, err
		}
	}
	for c := range seen {
		u, err := db.Unit(ctx, c)
		if err != nil {
			return h, err
		}
		h.Units = append(h.Units, u)
	}
	for _, ch := range changes {
		h.Changes = append(h.Changes, ch)
	}
	slices.SortFunc(h.Units, func(a, b Unit) int {
		if c := a.ValidFrom.Compare(b.ValidFrom); c != 0 {
			return c
		}
		return cmp.Compare(a.Code, b.Code)
	})
	slices.SortFunc(h.Changes, func(a, b UnitChange) int {
		if c := a.Effective.Compare(b.Effective); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return h, nil
}

// CurrentCode follows recodes and merges forward from code to the code in
// use now; a split leaves the code as it is (its successor is ambiguous).
func (db *DB) CurrentCode(ctx context.Context, code string) (cur string, err error) {
	defer wrap(&err, "CurrentCode(%q)", code)
	cur = code
	for range 100 { // a cycle of changes would be a data error; stop anyway
		var next string
		err := db.sql.QueryRowContext(ctx, `SELECT to_code FROM unit_changes
			WHERE from_code = $1 AND kind IN ('recode', 'merge') ORDER BY effective DESC, id DESC LIMIT 1`, cur).Scan(&next)
		if err == sql.ErrNoRows {
			return cur, nil
		}
		if err != nil {
			return "", err
		}
		cur = next
	}
	return "", refuse(ErrInvalid, "store.unit.codeCycle", code)
}
