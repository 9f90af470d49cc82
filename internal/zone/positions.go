package zone

import (
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// Position is an external fact: a zone's place in a national list of a
// year (e.g. 79th in a top-100 list), with the source it was read from.
// Rules may read it; the province records it, it does not compute it.
type Position struct {
	Zone     string
	Year     int
	List     string
	Position int
	Source   string
}

// ReadPositions reads a positions table: columns zone, year, list,
// position (a whole number ≥ 1) and source (required: a fact without its
// source is not recorded). Every problem is returned as located errors.
func ReadPositions(t *table.Table) ([]Position, error) {
	var errs table.Errors
	col := columns(t, []string{"zone", "year", "list", "position", "source"}, nil, &errs)
	if len(errs) > 0 {
		return nil, errs
	}
	var out []Position
	for i, row := range t.Rows {
		cell := func(name string) string { return strings.TrimSpace(row[col[name]]) }
		p := Position{Zone: cell("zone"), List: cell("list"), Source: cell("source")}
		for _, f := range []string{"zone", "list", "source"} {
			if cell(f) == "" {
				errs = append(errs, t.Errorf(i, col[f], locale.M("zone.empty", f)))
			}
		}
		var err error
		if p.Year, err = strconv.Atoi(cell("year")); err != nil || p.Year < 1900 || p.Year > 2100 {
			errs = append(errs, t.Errorf(i, col["year"], locale.M("zone.established", cell("year"))))
		}
		if p.Position, err = strconv.Atoi(cell("position")); err != nil || p.Position < 1 {
			errs = append(errs, t.Errorf(i, col["position"], locale.M("zone.position", cell("position"))))
		}
		out = append(out, p)
	}
	if len(errs) > 0 {
		return nil, sortErrors(errs)
	}
	return out, nil
}

func init() {
	locale.Register(map[string][2]string{
		"zone.position": {"名次应为不小于 1 的整数，实际为 %q", "a position must be a whole number of at least 1, found %q"},
	})
}
