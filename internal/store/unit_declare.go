package store

import (
	"cmp"
	"context"
	"slices"
)

// Declare records that unit declares values for attribute name from year on
// (a county's types, primary first): the declaration in force ends the year
// before and the new one stays valid, open-ended, until the next. The same
// values as those in force change nothing. A unit that already declared
// other values starting that very year must correct that declaration
// instead (ErrConflict), so that no year ever has two.
func (db *DB) Declare(ctx context.Context, actor Actor, unit, name string, year int, values []string) (err error) {
	defer wrap(&err, "Declare(%s %s %d)", unit, name, year)
	if name == "" || year <= 0 || len(values) == 0 || slices.Contains(values, "") {
		return refuse(ErrInvalid, "store.unit.declaration")
	}
	cur, err := db.Attributes(ctx, unit, name, year)
	if err != nil {
		return err
	}
	slices.SortStableFunc(cur, func(a, b UnitAttribute) int { return cmp.Compare(a.ID, b.ID) })
	same := len(cur) == len(values)
	for i := range cur {
		same = same && cur[i].Value == values[i]
	}
	if same {
		return nil
	}
	return db.change(ctx, actor, func(t *txn) error {
		for _, a := range cur {
			if a.FromYear >= year {
				return refuse(ErrConflict, "store.unit.declared", unit, name, a.Value, a.FromYear)
			}
			if _, err := t.Exec(`UPDATE unit_attributes SET to_year = $1 WHERE id = $2`, year-1, a.ID); err != nil {
				return err
			}
		}
		for _, v := range values {
			if _, err := t.Exec(`INSERT INTO unit_attributes (unit_code, name, value, from_year, to_year)
				VALUES ($1, $2, $3, $4, NULL)`, unit, name, v, year); err != nil {
				return err
			}
		}
		return t.audit("declare", "unit_attribute", unit, map[string]any{"name": name, "year": year, "values": values})
	})
}
