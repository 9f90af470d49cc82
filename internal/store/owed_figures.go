package store

import (
	"context"
	"fmt"
	"strings"
)

// OwedFigure is a figure a statistics department owes for a run and has
// not supplied: the unit's value of a department-reported indicator was
// missing when the run was computed (method missing rule "owed"). A run
// with owed figures cannot go to public notice (公示).
type OwedFigure struct {
	Unit       string // unit code
	Indicator  string // indicator code
	Department string // providing department (提供部门), "" when the method names none
}

const owedColumns = `run_id, unit_code, indicator, department`

// PutOwedFigures records (replacing any recorded before) the figures owed
// for draft run runID.
func (db *DB) PutOwedFigures(ctx context.Context, actor Actor, runID int64, owed []OwedFigure) (err error) {
	defer wrap(&err, "PutOwedFigures(%d)", runID)
	for i, o := range owed {
		if o.Unit == "" || o.Indicator == "" {
			return refuse(ErrInvalid, "store.owed.fields", i+1)
		}
	}
	return db.change(ctx, actor, func(t *txn) error {
		if err := t.checkChangeable(runID, true); err != nil {
			return err
		}
		if _, err := t.Exec(`DELETE FROM run_owed_figures WHERE run_id = $1`, runID); err != nil {
			return err
		}
		for _, o := range owed {
			if _, err := t.Exec(`INSERT INTO run_owed_figures (`+owedColumns+`) VALUES ($1, $2, $3, $4)`,
				runID, o.Unit, o.Indicator, o.Department); err != nil {
				return err
			}
		}
		return t.audit("owed_figures", "run", fmt.Sprint(runID), map[string]int{"owed": len(owed)})
	})
}

// OwedFigures returns the figures owed for run id, by unit and indicator.
func (db *DB) OwedFigures(ctx context.Context, id int64) (owed []OwedFigure, err error) {
	defer wrap(&err, "OwedFigures(%d)", id)
	rows, err := db.sql.QueryContext(ctx, `SELECT unit_code, indicator, department FROM run_owed_figures
		WHERE run_id = $1 ORDER BY unit_code, indicator`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var o OwedFigure
		if err := rows.Scan(&o.Unit, &o.Indicator, &o.Department); err != nil {
			return nil, err
		}
		owed = append(owed, o)
	}
	return owed, rows.Err()
}

// checkOwed refuses to move run id into public notice while it has owed
// figures, naming how many and the first few.
func (t *txn) checkOwed(id int64) error {
	rows, err := t.Query(`SELECT unit_code, indicator, department FROM run_owed_figures
		WHERE run_id = $1 ORDER BY unit_code, indicator`, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var o OwedFigure
		if err := rows.Scan(&o.Unit, &o.Indicator, &o.Department); err != nil {
			return err
		}
		names = append(names, o.Unit+" "+o.Indicator+"（"+o.Department+"）")
	}
	if err := rows.Err(); err != nil || len(names) == 0 {
		return err
	}
	n := len(names)
	if n > 5 {
		names = append(names[:5], "…")
	}
	return refuse(ErrConflict, "store.owed", id, n, strings.Join(names, ", "))
}

func init() {
	dumpTables = append(dumpTables, dumpTable{"run_owed_figures", owedColumns, "isss", "run_id, unit_code, indicator", false})
}
