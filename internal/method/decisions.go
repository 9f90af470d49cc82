package method

import (
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// ReadDecisions reads the office's decisions of ties (奖项, 类型, 单位代码,
// 会议纪要; one row per unit that takes a place, 类型 only for a per-type
// award): the award must be one of the method, the unit one of the data,
// and the rows of one award (and type) must give the same reference.
func ReadDecisions(m *Method, d *Data, t *table.Table) ([]Decision, error) {
	var errs table.Errors
	ca, ct, cu, cr := t.Col("奖项"), t.Col("类型"), t.Col("单位代码"), t.Col("会议纪要")
	for i, c := range []int{ca, cu, cr} {
		if c < 0 {
			errs = append(errs, t.MissingColumn([]string{"奖项", "单位代码", "会议纪要"}[i]))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	units := d.unitIndex()
	var out []Decision
	for r, row := range t.Rows {
		award, unit, ref := strings.TrimSpace(row[ca]), strings.TrimSpace(row[cu]), strings.TrimSpace(row[cr])
		typ := ""
		if ct >= 0 {
			typ = strings.TrimSpace(row[ct])
		}
		if !slices.ContainsFunc(m.Awards, func(a Award) bool { return a.Name == award }) {
			errs = append(errs, t.Errorf(r, ca, locale.M("method.noaward", award)))
		}
		if _, ok := units[unit]; !ok {
			errs = append(errs, t.Errorf(r, cu, locale.M("method.data.unit", unit)))
		}
		if ref == "" {
			errs = append(errs, t.Errorf(r, cr, locale.M("method.required")))
		}
		k := slices.IndexFunc(out, func(x Decision) bool { return x.Award == award && x.Type == typ })
		switch {
		case k < 0:
			out = append(out, Decision{Award: award, Type: typ, Units: []string{unit}, Reference: ref})
		case out[k].Reference != ref:
			errs = append(errs, t.Errorf(r, cr, locale.M("method.decision.ref", out[k].Reference)))
		default:
			out[k].Units = append(out[k].Units, unit)
		}
	}
	return out, errs.Err()
}

func init() {
	locale.Register(map[string][2]string{
		"method.decision.ref": {"同一奖项的认定应引用同一会议纪要（前面的行为 %q）", "the rows of one award's decision must cite one meeting (earlier rows: %q)"},
	})
}
