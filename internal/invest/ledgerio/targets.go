package ledgerio

import (
	"math"

	"github.com/qiangxian/qiangxian/internal/table"
)

// TargetKey is a unit's year.
type TargetKey struct {
	Unit string
	Year int
}

// ReadTargets reads a targets table (unit, year, target: 亿元 of funds in
// place for the year).
func ReadTargets(t *table.Table) (map[TargetKey]float64, error) {
	r := &reader{t: t}
	r.col = columns(t, []string{"unit", "year", "target"}, nil, &r.errs)
	if len(r.errs) > 0 {
		return nil, r.errs
	}
	cUnit := r.col["unit"]
	cYear := r.col["year"]
	cTarget := r.col["target"]
	out := map[TargetKey]float64{}
	line := map[TargetKey]int{}
	for i := range t.Rows {
		unit := r.cell(i, cUnit)
		if unit == "" {
			r.fail(i, cUnit, "invest.unit")
		}
		ys := r.cell(i, cYear)
		y, ok := 0, len(ys) == 4
		for _, c := range []byte(ys) {
			ok = ok && c >= '0' && c <= '9'
			y = y*10 + int(c-'0')
		}
		if !ok {
			r.fail(i, cYear, "invest.year", ys)
		}
		ts := r.cell(i, cTarget)
		v, vok := table.ParseNumber(ts)
		if !vok || math.IsNaN(v) || v < 0 {
			r.fail(i, cTarget, "invest.target", ts)
		}
		k := TargetKey{unit, y}
		if l, dup := line[k]; dup && ok {
			r.fail(i, cUnit, "invest.duptarget", unit, y, l)
		}
		line[k], out[k] = t.Lines[i], v
	}
	if len(r.errs) > 0 {
		return nil, r.errs
	}
	return out, nil
}
