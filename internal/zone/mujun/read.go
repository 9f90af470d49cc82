package mujun

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// Enterprise table columns: the required ones first. Column order is free
// and other columns are ignored.
var (
	enterpriseCols = []string{"uscc", "name", "zone", "land_owned", "start_year", "tax"}
	optionalEnt    = []string{"year", "subpark", "industry", "above_scale", "land_leased_in", "land_leased_out",
		"output", "value_added", "energy", "emissions", "rd", "employees", "accident", "tax_refund", "county"}
)

// ReadEnterprises reads an enterprise table: columns uscc, name, zone,
// land_owned, start_year and tax, optionally year, subpark, county (the
// host division's code), industry
// (GB/T 4754: a section letter A–T and/or 2–4 digits), above_scale and
// accident (1/0, true/false, 是/否, empty = no), land_leased_in,
// land_leased_out, output, value_added, energy, emissions, rd,
// employees and tax_refund. tax is the tax actually paid; when the table
// has tax_refund (退税, ≥ 0) it is subtracted, so that Tax is net of
// refunds either way. When the table has a year column only the rows of year are
// kept (year 0: the latest year in the table) and the year used is
// returned; otherwise year is returned unchanged. Every problem comes back
// as located table Errors, and then no enterprise: all or nothing.
func ReadEnterprises(t *table.Table, year int) ([]Enterprise, int, error) {
	col := map[string]int{}
	var errs table.Errors
	for _, name := range enterpriseCols {
		if col[name] = t.Col(name); col[name] < 0 {
			errs = append(errs, t.MissingColumn(name))
		}
	}
	if len(errs) > 0 {
		return nil, year, errs
	}
	for _, name := range optionalEnt {
		col[name] = t.Col(name)
	}
	if len(t.Rows) == 0 {
		return nil, year, table.Errors{t.Errorf(-1, -1, locale.M("table.norows"))}
	}
	years := make([]int, len(t.Rows))
	if c := col["year"]; c >= 0 {
		for i, row := range t.Rows {
			y, ok := wholeYear(row[c])
			if !ok {
				errs = append(errs, t.Errorf(i, c, locale.M("mujun.year", row[c])))
			}
			years[i] = y
		}
		if len(errs) > 0 {
			return nil, year, errs
		}
		if year == 0 {
			year = slices.Max(years)
		}
	}
	ents := make([]Enterprise, 0, len(t.Rows))
	seen := map[string]int{} // uscc → line of its first row
	for i := range t.Rows {
		if col["year"] >= 0 && years[i] != year {
			continue
		}
		e, bad := readEnterprise(t, i, col, &errs)
		e.Year = years[i]
		if line, dup := seen[e.USCC]; dup && e.USCC != "" {
			errs = append(errs, t.Errorf(i, col["uscc"], locale.M("mujun.dup", e.USCC, line)))
			bad = true
		} else {
			seen[e.USCC] = t.Lines[i]
		}
		if !bad {
			ents = append(ents, e)
		}
	}
	if col["year"] >= 0 && len(seen) == 0 {
		errs = append(errs, t.Errorf(-1, col["year"], locale.M("mujun.noyear", year)))
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b *table.Error) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
		return nil, year, errs
	}
	return ents, year, nil
}

// readEnterprise reads row i; bad reports whether it added an error.
func readEnterprise(t *table.Table, i int, col map[string]int, errs *table.Errors) (e Enterprise, bad bool) {
	n0 := len(*errs)
	row := t.Rows[i]
	fail := func(c int, key string, args ...any) { *errs = append(*errs, t.Errorf(i, c, locale.M(key, args...))) }
	for _, c := range col {
		if c >= 0 && !utf8.ValidString(row[c]) {
			fail(c, "table.utf8")
			return e, true
		}
	}
	text := func(name string) string {
		if c := col[name]; c >= 0 {
			return strings.TrimSpace(row[c])
		}
		return ""
	}
	num := func(name string, nonNegative bool) float64 {
		c := col[name]
		if c < 0 {
			return math.NaN()
		}
		v := t.Number(i, c, errs)
		if nonNegative && v < 0 {
			fail(c, "mujun.negative", name, row[c])
		}
		return v
	}
	flag := func(name string) bool {
		switch v := strings.ToLower(text(name)); v {
		case "1", "true", "是", "y", "yes":
			return true
		case "", "0", "false", "否", "n", "no":
			return false
		default:
			fail(col[name], "mujun.flag", name, v)
			return false
		}
	}
	e.USCC = strings.ToUpper(text("uscc"))
	if key, args := USCCProblem(e.USCC); key != "" {
		fail(col["uscc"], key, args...)
	}
	e.Name, e.Zone, e.SubPark, e.Industry = text("name"), text("zone"), text("subpark"), strings.ToUpper(text("industry"))
	e.County = text("county")
	for _, k := range []string{"name", "zone"} {
		if text(k) == "" {
			fail(col[k], "mujun.empty", k)
		}
	}
	if e.Industry != "" && !validIndustry(e.Industry) {
		fail(col["industry"], "mujun.industry", e.Industry)
	}
	e.AboveSize, e.Accident = flag("above_scale"), flag("accident")
	var ok bool
	if e.StartYear, ok = wholeYear(text("start_year")); !ok || e.StartYear == 0 {
		fail(col["start_year"], "mujun.year", text("start_year"))
	}
	e.LandOwned, e.LandLeasedIn, e.LandLeasedOut = num("land_owned", true), num("land_leased_in", true), num("land_leased_out", true)
	if l := e.Land(); l < 0 && e.LandLeasedOut > 0 && !(e.LandOwned < 0) && !(e.LandLeasedIn < 0) {
		fail(col["land_leased_out"], "mujun.leasedout", table.FormatNumber(e.LandLeasedOut), table.FormatNumber(zeroNaN(e.LandOwned)+zeroNaN(e.LandLeasedIn)))
	}
	e.Output, e.ValueAdded, e.Tax = num("output", true), num("value_added", false), num("tax", false)
	if r := num("tax_refund", true); r > 0 {
		e.Tax -= r
	}
	e.Energy, e.Emissions, e.RD, e.Employees = num("energy", true), num("emissions", true), num("rd", true), num("employees", true)
	return e, len(*errs) > n0
}

// wholeYear parses a year such as 2024; empty gives 0, true.
func wholeYear(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	y, err := strconv.Atoi(s)
	return y, err == nil && y >= 1000 && y <= 9999
}

// validIndustry reports whether s is a GB/T 4754 code: a section letter
// A–T, 2–4 digits (大类, 中类, 小类), or the letter followed by them.
func validIndustry(s string) bool {
	if s != "" && s[0] >= 'A' && s[0] <= 'T' {
		s = s[1:]
		if s == "" {
			return true
		}
	}
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func init() {
	locale.Register(map[string][2]string{
		"mujun.uscc.len":    {"统一社会信用代码 %q 应为 18 位，实际 %d 位", "the unified social credit code %q must have 18 characters, it has %d"},
		"mujun.uscc.char":   {"统一社会信用代码 %q 第 %d 位 %q 不是允许的字符（数字或除 I、O、S、V、Z 外的大写字母）", "the unified social credit code %q has %[3]q at position %[2]d: only digits and capitals other than I, O, S, V, Z are allowed"},
		"mujun.uscc.region": {"统一社会信用代码 %q 第 3–8 位应为行政区划代码（数字）", "positions 3–8 of the unified social credit code %q must be an administrative division code (digits)"},
		"mujun.uscc.check":  {"统一社会信用代码 %q 校验位错误（按 GB 32100-2015 应为 %s）", "the check character of the unified social credit code %q is wrong (GB 32100-2015 gives %s)"},
		"mujun.dup":         {"统一社会信用代码 %s 重复（第 %d 行已出现）", "unified social credit code %s appears twice (first on line %d)"},
		"mujun.noyear":      {"表中没有 %d 年的企业", "the table has no enterprise for year %d"},
		"mujun.year":        {"应为四位年份，实际为 %q", "expected a four-digit year, found %q"},
		"mujun.negative":    {"%s 不能为负数，实际为 %q", "%s cannot be negative, found %q"},
		"mujun.flag":        {"%s 应为 1/0、true/false 或 是/否，实际为 %q", "%s must be 1/0, true/false or 是/否, found %q"},
		"mujun.empty":       {"%s 不能为空", "%s cannot be empty"},
		"mujun.industry":    {"行业代码 %q 不是 GB/T 4754 代码（门类字母 A–T 和/或 2–4 位数字）", "industry %q is not a GB/T 4754 code (a section letter A–T and/or 2–4 digits)"},
		"mujun.leasedout":   {"出租用地 %s 亩超过自有与租入用地之和 %s 亩", "land leased out (%s 亩) exceeds land owned plus leased in (%s 亩)"},
	})
}
