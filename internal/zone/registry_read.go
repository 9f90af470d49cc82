package zone

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// Registry table columns: the required ones, then the optional ones.
var (
	zoneCols        = []string{"code", "name", "level", "kind", "host"}
	zoneOptional    = []string{"approval_doc", "approval_year", "area_approved", "area_planned", "area_built", "industries", "lat", "lon", "risk_class", "example"}
	subparkCols     = []string{"zone", "code", "name", "host"}
	subparkOptional = []string{"industry", "output_share", "tax_share"}
)

// levelWords maps the Chinese level names to the levels.
var levelWords = map[string]string{"国家级": LevelNational, "省级": LevelProvincial, "其他": LevelOther}

// ReadRegistry reads the zones table zt (code, name, level, kind, host;
// optional approval_doc, approval_year, area_approved, area_planned,
// area_built in 公顷, industries separated by 、 or ;, lat, lon,
// risk_class, example) and the sub-parks table st (zone, code, name, host;
// optional industry, output_share, tax_share, both 1 when empty; st may be
// nil). host reports whether a code is a prefecture or county (nil: not
// checked). Every problem of both tables is returned as located errors.
func ReadRegistry(zt, st *table.Table, host func(string) bool) ([]Zone, error) {
	var errs table.Errors
	zc := columns(zt, zoneCols, zoneOptional, &errs)
	var sc map[string]int
	if st != nil {
		sc = columns(st, subparkCols, subparkOptional, &errs)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	var zones []Zone
	at := map[string]int{}    // zone code → index in zones
	seen := map[string]bool{} // every zone and sub-park code
	for i, row := range zt.Rows {
		cell := func(name string) string {
			if c := zc[name]; c >= 0 {
				return strings.TrimSpace(row[c])
			}
			return ""
		}
		num := func(name string) float64 {
			if c := zc[name]; c >= 0 {
				return zt.Number(i, c, &errs)
			}
			return math.NaN()
		}
		z := Zone{Code: cell("code"), Name: cell("name"), Level: cell("level"), Kind: cell("kind"), Host: cell("host"),
			ApprovalDoc: cell("approval_doc"), AreaApproved: num("area_approved"), AreaPlanned: num("area_planned"),
			AreaBuilt: num("area_built"), Lat: num("lat"), Lon: num("lon"), RiskClass: strings.ToUpper(cell("risk_class"))}
		if l, ok := levelWords[z.Level]; ok {
			z.Level = l
		}
		if y := cell("approval_year"); y != "" {
			n, err := strconv.Atoi(y)
			if err != nil || n < 1900 || n > 2100 {
				errs = append(errs, zt.Errorf(i, zc["approval_year"], locale.M("zone.established", y)))
			}
			z.ApprovalYear = n
		}
		z.Industries = splitList(cell("industries"))
		z.Example = readBool(zt, i, zc["example"], &errs)
		for f, m := range z.Check() {
			errs = append(errs, zt.Errorf(i, zc[f], m))
		}
		if host != nil && z.Host != "" && !host(z.Host) {
			errs = append(errs, zt.Errorf(i, zc["host"], locale.M("zone.reg.host", z.Host)))
		}
		if seen[z.Code] {
			errs = append(errs, zt.Errorf(i, zc["code"], locale.M("zone.reg.dup", z.Code)))
			continue
		}
		seen[z.Code], at[z.Code] = true, len(zones)
		zones = append(zones, z)
	}
	if st != nil {
		for i, row := range st.Rows {
			cell := func(name string) string {
				if c := sc[name]; c >= 0 {
					return strings.TrimSpace(row[c])
				}
				return ""
			}
			share := func(name string) float64 {
				if c := sc[name]; c >= 0 && strings.TrimSpace(row[c]) != "" {
					return st.Number(i, c, &errs)
				}
				return 1
			}
			s := Subpark{Code: cell("code"), Name: cell("name"), Host: cell("host"), Industry: cell("industry"),
				OutputShare: share("output_share"), TaxShare: share("tax_share")}
			for f, m := range s.Check() {
				errs = append(errs, st.Errorf(i, sc[f], m))
			}
			if host != nil && s.Host != "" && !host(s.Host) {
				errs = append(errs, st.Errorf(i, sc["host"], locale.M("zone.reg.host", s.Host)))
			}
			k, ok := at[cell("zone")]
			switch {
			case !ok:
				errs = append(errs, st.Errorf(i, sc["zone"], locale.M("zone.reg.zone", cell("zone"))))
			case seen[s.Code]:
				errs = append(errs, st.Errorf(i, sc["code"], locale.M("zone.reg.dup", s.Code)))
			default:
				seen[s.Code] = true
				zones[k].Subparks = append(zones[k].Subparks, s)
			}
		}
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b *table.Error) int {
			return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
		return nil, errs
	}
	return zones, nil
}

// columns finds the required and optional columns of t (−1 when an
// optional one is absent), adding a located error per missing one.
func columns(t *table.Table, required, optional []string, errs *table.Errors) map[string]int {
	col := map[string]int{}
	for _, name := range required {
		if col[name] = t.Col(name); col[name] < 0 {
			*errs = append(*errs, t.MissingColumn(name))
		}
	}
	for _, name := range optional {
		col[name] = t.Col(name)
	}
	return col
}

// splitList splits a list written with 、, ；, ; or ，.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、;；,，", r) }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// readBool reads a yes/no cell (1/0, true/false, 是/否, empty = no).
func readBool(t *table.Table, r, c int, errs *table.Errors) bool {
	if c < 0 {
		return false
	}
	switch v := strings.ToLower(strings.TrimSpace(t.Rows[r][c])); v {
	case "1", "true", "是":
		return true
	case "", "0", "false", "否":
		return false
	default:
		*errs = append(*errs, t.Errorf(r, c, locale.M("zone.reg.bool", t.Rows[r][c])))
		return false
	}
}
