package landuse

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// figureCols are the land table's figure columns, in the order of Land's
// fields.
var figureCols = []string{"total_area", "available", "supplied", "built", "floor_area", "industrial_built",
	"industrial_floor_area", "industrial_investment", "tax", "industrial_tax", "unsupplied", "unsupplied_disposed",
	"idle", "idle_disposed"}

// ReadLand reads a land table: column zone (required), year (optional,
// kept as written) and any of the figure columns total_area, available,
// supplied, built, floor_area, industrial_built, industrial_floor_area,
// industrial_investment, tax, industrial_tax, unsupplied,
// unsupplied_disposed, idle and idle_disposed (absent columns and empty
// cells are missing figures). Figures are non-negative, except the tax
// columns; a disposed area cannot exceed the area it is part of; a zone
// (and year) appears once. Problems are located table Errors.
func ReadLand(t *table.Table) ([]Land, error) {
	zc := t.Col("zone")
	if zc < 0 {
		return nil, table.Errors{t.MissingColumn("zone")}
	}
	if len(t.Rows) == 0 {
		return nil, table.Errors{t.Errorf(-1, -1, locale.M("table.norows"))}
	}
	yc := t.Col("year")
	cols := make([]int, len(figureCols))
	for i, n := range figureCols {
		cols[i] = t.Col(n)
	}
	var errs table.Errors
	out := make([]Land, 0, len(t.Rows))
	seen := map[[2]string]int{}
	for i, row := range t.Rows {
		n0 := len(errs)
		l := Land{Zone: strings.TrimSpace(row[zc])}
		if !utf8.ValidString(row[zc]) {
			errs = append(errs, t.Errorf(i, zc, locale.M("table.utf8")))
		} else if l.Zone == "" {
			errs = append(errs, t.Errorf(i, zc, locale.M("landuse.empty")))
		}
		if yc >= 0 {
			l.Year = strings.TrimSpace(row[yc])
		}
		key := [2]string{l.Zone, l.Year}
		if line, dup := seen[key]; dup {
			errs = append(errs, t.Errorf(i, zc, locale.M("landuse.dup", l.Zone, line)))
		}
		seen[key] = t.Lines[i]
		f := []*float64{&l.Total, &l.Available, &l.Supplied, &l.Built, &l.FloorArea, &l.IndustrialBuilt, &l.IndustrialFloor,
			&l.IndustrialInvest, &l.Tax, &l.IndustrialTax, &l.Unsupplied, &l.UnsuppliedDisposed, &l.Idle, &l.IdleDisposed}
		for k, c := range cols {
			*f[k] = math.NaN()
			if c < 0 {
				continue
			}
			*f[k] = t.Number(i, c, &errs)
			if *f[k] < 0 && !strings.HasSuffix(figureCols[k], "tax") {
				errs = append(errs, t.Errorf(i, c, locale.M("landuse.negative", figureCols[k], row[c])))
			}
		}
		if l.UnsuppliedDisposed > l.Unsupplied {
			errs = append(errs, t.Errorf(i, cols[11], locale.M("landuse.part", "unsupplied_disposed", "unsupplied")))
		}
		if l.IdleDisposed > l.Idle {
			errs = append(errs, t.Errorf(i, cols[13], locale.M("landuse.part", "idle_disposed", "idle")))
		}
		if len(errs) == n0 {
			out = append(out, l)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

func init() {
	locale.Register(map[string][2]string{
		"landuse.empty":    {"zone 不能为空", "zone cannot be empty"},
		"landuse.dup":      {"开发区 %s 重复（第 %d 行已出现）", "zone %s appears twice (first on line %d)"},
		"landuse.negative": {"%s 不能为负数，实际为 %q", "%s cannot be negative, found %q"},
		"landuse.part":     {"%s 不能大于 %s", "%s cannot exceed %s"},
	})
}
