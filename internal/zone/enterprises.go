package zone

import (
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

func init() {
	locale.Register(map[string][2]string{
		"zones.ent.zone":    {"开发区 %q 不在开发区名录中", "zone %q is not in the zone registry"},
		"zones.ent.subpark": {"园区 %q 不是开发区 %s 的园区", "%q is not a sub-park of zone %s"},
	})
}

// CheckEnterpriseZones checks the zone and subpark columns of an
// enterprise table (mujun.ReadEnterprises) against the registry zs, every
// unknown zone or sub-park at its cell. A table without a zone column
// passes: the reader reports the missing column.
func CheckEnterpriseZones(t *table.Table, zs []Zone) error {
	zc, sc := t.Col("zone"), t.Col("subpark")
	if zc < 0 {
		return nil
	}
	subs := map[string]map[string]bool{}
	for _, z := range zs {
		subs[z.Code] = map[string]bool{}
		for _, s := range z.Subparks {
			subs[z.Code][s.Code] = true
		}
	}
	var es table.Errors
	for i, row := range t.Rows {
		z := strings.TrimSpace(row[zc])
		switch {
		case z == "":
		case subs[z] == nil:
			es = append(es, t.Errorf(i, zc, locale.M("zones.ent.zone", z)))
		case sc >= 0 && strings.TrimSpace(row[sc]) != "" && !subs[z][strings.TrimSpace(row[sc])]:
			es = append(es, t.Errorf(i, sc, locale.M("zones.ent.subpark", strings.TrimSpace(row[sc]), z)))
		}
	}
	if len(es) > 0 {
		return es
	}
	return nil
}
