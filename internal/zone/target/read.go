package target

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// ReadTargets reads a targets table: columns unit, measure, year (the
// target year) and target (the value to reach, positive). A unit and
// measure may have several target years; each (unit, measure, year)
// appears once.
func ReadTargets(t *table.Table) ([]Target, error) {
	rows, errs := readRows(t, "target")
	if len(errs) > 0 {
		return nil, errs
	}
	out := make([]Target, 0, len(rows))
	vc := t.Col("target")
	for _, r := range rows {
		if !(r.value > 0) {
			errs = append(errs, t.Errorf(r.row, vc, locale.M("target.positive", t.Rows[r.row][vc])))
			continue
		}
		out = append(out, Target{Unit: r.unit, Measure: r.measure, Year: r.year, Value: r.value})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// ReadActuals reads an actuals table: columns unit, measure, year and
// value; each (unit, measure, year) appears once. An empty value is not
// recorded.
func ReadActuals(t *table.Table) (Actuals, error) {
	rows, errs := readRows(t, "value")
	if len(errs) > 0 {
		return nil, errs
	}
	a := Actuals{}
	for _, r := range rows {
		if r.value == r.value { // not NaN
			a.Set(r.unit, r.measure, r.year, r.value)
		}
	}
	return a, nil
}

type row struct {
	row           int
	unit, measure string
	year          int
	value         float64
}

// readRows reads the columns unit, measure, year and the value column.
func readRows(t *table.Table, valueCol string) ([]row, table.Errors) {
	var errs table.Errors
	cols := []string{"unit", "measure", "year", valueCol}
	c := make([]int, len(cols))
	for i, n := range cols {
		if c[i] = t.Col(n); c[i] < 0 {
			errs = append(errs, t.MissingColumn(n))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(t.Rows) == 0 {
		return nil, table.Errors{t.Errorf(-1, -1, locale.M("table.norows"))}
	}
	out := make([]row, 0, len(t.Rows))
	seen := map[[3]string]int{}
	for i, r := range t.Rows {
		n0 := len(errs)
		x := row{row: i, unit: strings.TrimSpace(r[c[0]]), measure: strings.TrimSpace(r[c[1]])}
		for k := 0; k < 2; k++ {
			if !utf8.ValidString(r[c[k]]) {
				errs = append(errs, t.Errorf(i, c[k], locale.M("table.utf8")))
			} else if strings.TrimSpace(r[c[k]]) == "" {
				errs = append(errs, t.Errorf(i, c[k], locale.M("target.empty", cols[k])))
			}
		}
		y, err := strconv.Atoi(strings.TrimSpace(r[c[2]]))
		if err != nil || y < 1000 || y > 9999 {
			errs = append(errs, t.Errorf(i, c[2], locale.M("target.year", r[c[2]])))
		}
		x.year = y
		x.value = t.Number(i, c[3], &errs)
		key := [3]string{x.unit, x.measure, strconv.Itoa(y)}
		if line, dup := seen[key]; dup {
			errs = append(errs, t.Errorf(i, c[0], locale.M("target.dup", x.unit, x.measure, y, line)))
		} else {
			seen[key] = t.Lines[i]
		}
		if len(errs) == n0 {
			out = append(out, x)
		}
	}
	return out, errs
}

func init() {
	locale.Register(map[string][2]string{
		"target.empty":    {"%s 不能为空", "%s cannot be empty"},
		"target.year":     {"应为四位年份，实际为 %q", "expected a four-digit year, found %q"},
		"target.positive": {"目标值应为正数，实际为 %q", "the target must be positive, found %q"},
		"target.dup":      {"%s 的 %s %d 年重复（第 %d 行已出现）", "%s, %s, %d appears twice (first on line %d)"},
	})
}
