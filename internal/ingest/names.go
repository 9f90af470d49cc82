package ingest

import (
	"context"
	"slices"
	"strings"
	"unicode"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
)

func init() {
	locale.Register(map[string][2]string{
		"ingest.match": {"“%s”按%s匹配为 %s %s；核对无误后请确认按名称匹配（勾选“确认名称匹配”，或命令行加 --confirm-names）再导入",
			"%q matches %s %s by %s; if that is right, confirm the name matches (tick “confirm name matches”, or --confirm-names) and import again"},
		"ingest.how.exact":  {"名称", "name"},
		"ingest.how.suffix": {"名称（不计县、区、市等后缀）", "name without its 县/区/市 suffix"},
		"ingest.how.former": {"曾用名（%s 现为 %s）", "former name (%s is now %s)"},
		"ingest.noname":     {"找不到名为“%s”的单位（也不是曾用名）", "no unit is named %q (nor was)"},
		"ingest.ambiguous":  {"名称“%s”对应多个单位：%s；请改用代码", "the name %q fits several units: %s; use the code"},
	})
}

// Match is a unit named in a table matched to its code, for the user to
// confirm before the import: Line and Col place the name, How says how it
// matched ("exact", "suffix" or "former", tried in the order exact, former
// name, name without suffix); Former is the old code a former name
// belonged to.
type Match struct {
	Line, Col int
	Name      string
	Code      string
	UnitName  string
	How       string
	Former    string
}

// bureauNameColumns head the unit names of a statistics bureau's table.
var bureauNameColumns = []string{"名称", "单位名称", "name", "地区", "县区", "区县", "单位", "县（市、区）", "县(市、区)", "县市区", "地名"}

// totalRows are the names of a bureau table's total rows, not units.
var totalRows = []string{"全省", "全市", "全州", "合计", "总计", "小计", "全省合计", "全市合计"}

// nameSuffixes are what county-level names end in, longest first.
var nameSuffixes = []string{"自治县", "自治旗", "林区", "特区", "县", "区", "市", "旗"}

// ResolveNames prepares a statistics bureau's table for the wide import.
// Such a table starts with title rows, spreads its header over several
// rows (a name row, then a units row such as （亿元）) and names counties
// instead of giving codes. A table with a code column is returned as it
// is. Otherwise the header row is found (the first of the first ten rows
// with a name column: 地区, 县区, 名称…), header rows below it are folded
// into it, and every name is matched to a unit: by its exact name, by a
// former name in the unit history (a county renamed as a district is
// found under its old name and given its current code), or by the name
// without its 县/区/市 suffix. The result has the names replaced by codes in a 代码
// column at the same place, so that errors still point at the name's
// cell; total rows (全省, 合计…) are dropped. The matches are returned for
// confirmation; a name that matches nothing, or several units, is an
// error at its cell.
func ResolveNames(ctx context.Context, db *store.DB, t *table.Table) (*table.Table, []Match, error) {
	if findColumn(t, codeColumns) >= 0 {
		return t, nil, nil
	}
	c, err := loadCatalogue(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	bt := foldHeader(t, c)
	col := -1
	for i, h := range bt.Header {
		if slices.Contains(bureauNameColumns, h) {
			col = i
			break
		}
	}
	if col < 0 {
		return t, nil, nil
	}
	m := newNameIndex(c)
	l := &errorList{t: bt}
	out := &table.Table{File: bt.File, Sheet: bt.Sheet, Header: slices.Clone(bt.Header), Encoding: bt.Encoding}
	out.Header[col] = codeColumns[0]
	var matches []Match
	for r, row := range bt.Rows {
		name := squeeze(row[col])
		if name == "" || slices.Contains(totalRows, name) {
			continue
		}
		match, key, arg := m.find(name)
		switch key {
		case "":
		case "ingest.noname":
			l.at(r, col, key, name)
			continue
		default:
			l.at(r, col, key, name, arg)
			continue
		}
		if match.Former != "" {
			cur, err := db.CurrentCode(ctx, match.Former)
			if err != nil {
				return nil, nil, err
			}
			match.Code, match.UnitName = cur, c.units[cur].Name
		}
		match.Line, match.Col = bt.Lines[r], col+1
		matches = append(matches, match)
		nrow := slices.Clone(row)
		nrow[col] = match.Code
		out.Rows = append(out.Rows, nrow)
		out.Lines = append(out.Lines, bt.Lines[r])
		if bt.Dates != nil {
			for k := range row {
				if bt.Dates[table.Cell{Row: r, Col: k}] {
					if out.Dates == nil {
						out.Dates = map[table.Cell]bool{}
					}
					out.Dates[table.Cell{Row: len(out.Rows) - 1, Col: k}] = true
				}
			}
		}
	}
	if err := l.err(); err != nil {
		return nil, nil, err
	}
	return out, matches, nil
}

// MatchErrors turns matches awaiting confirmation into located messages,
// one per name, so that the check step lists them like any finding.
func MatchErrors(t *table.Table, ms []Match) table.Errors {
	errs := make(table.Errors, 0, len(ms))
	for _, m := range ms {
		how := message("ingest.how." + m.How)
		var howArg any = how
		if m.How == "former" {
			howArg = formerHow{m.Former, m.Code}
		}
		errs = append(errs, &table.Error{File: t.File, Sheet: t.Sheet, Line: m.Line, Col: m.Col,
			Msg: locale.M("ingest.match", m.Name, howArg, m.Code, m.UnitName)})
	}
	return errs
}

// formerHow renders "former name (old is now new)" in the message's
// language.
type formerHow [2]string

// Message renders the explanation in lang.
func (f formerHow) Message(lang string) string {
	return locale.M("ingest.how.former", f[0], f[1]).In(locale.Lang(lang))
}

// squeeze removes the spaces that bureau tables pad short names with
// (榆　中, 城 关 区).
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// baseName is a name without its county-level suffix: 城关区 → 城关.
func baseName(s string) string {
	for _, suf := range nameSuffixes {
		if b, ok := strings.CutSuffix(s, suf); ok && b != "" {
			return b
		}
	}
	return s
}

// nameIndex finds units by name: current units first, then ended ones.
type nameIndex struct {
	current, currentBase, former, formerBase map[string][]store.Unit
}

func newNameIndex(c *catalogue) *nameIndex {
	m := &nameIndex{map[string][]store.Unit{}, map[string][]store.Unit{}, map[string][]store.Unit{}, map[string][]store.Unit{}}
	codes := make([]string, 0, len(c.units))
	for code := range c.units {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	for _, code := range codes {
		u := c.units[code]
		name := squeeze(u.Name)
		if u.ValidTo.IsZero() {
			m.current[name] = append(m.current[name], u)
			m.currentBase[baseName(name)] = append(m.currentBase[baseName(name)], u)
		} else {
			m.former[name] = append(m.former[name], u)
			m.formerBase[baseName(name)] = append(m.formerBase[baseName(name)], u)
		}
	}
	return m
}

// find matches name, or returns the message key (and its argument) of
// why it cannot.
func (m *nameIndex) find(name string) (Match, string, string) {
	for _, step := range []struct {
		index map[string][]store.Unit
		key   string
		how   string
	}{
		// A former name written out in full says more than a current
		// name without its suffix: 红古县 is the old county, not 红古区.
		{m.current, name, "exact"}, {m.former, name, "former"},
		{m.currentBase, baseName(name), "suffix"}, {m.formerBase, baseName(name), "former"},
	} {
		us := step.index[step.key]
		switch len(us) {
		case 0:
			continue
		case 1:
			mt := Match{Name: name, Code: us[0].Code, UnitName: us[0].Name, How: step.how}
			if step.how == "former" {
				mt.Former = us[0].Code
			}
			return mt, "", ""
		}
		list := make([]string, len(us))
		for i, u := range us {
			list[i] = u.Code + " " + u.Name
		}
		return Match{}, "ingest.ambiguous", strings.Join(list, "、")
	}
	return Match{}, "ingest.noname", ""
}

// foldHeader finds a bureau table's header row and folds the header rows
// below it into it; a table whose header already has a name column is
// returned as it is.
func foldHeader(t *table.Table, c *catalogue) *table.Table {
	isName := func(h string) bool { return slices.Contains(bureauNameColumns, squeeze(h)) }
	header, start := t.Header, 0
	if !slices.ContainsFunc(header, isName) {
		k := slices.IndexFunc(t.Rows[:min(len(t.Rows), 10)], func(row []string) bool { return slices.ContainsFunc(row, isName) })
		if k < 0 {
			return t
		}
		header, start = t.Rows[k], k+1
	}
	h := make([]string, len(header))
	for i, v := range header {
		h[i] = squeeze(v)
	}
	nameCol := slices.IndexFunc(h, func(s string) bool { return slices.Contains(bureauNameColumns, s) })
	// Rows right below the header with no name are more header (units,
	// sub-headings): a column takes the first of its texts that names an
	// indicator, or the first text when it has none.
	for ; start < len(t.Rows) && squeeze(t.Rows[start][nameCol]) == ""; start++ {
		for i, v := range t.Rows[start] {
			v = squeeze(v)
			switch _, isInd := c.indicatorOf(h[i]); {
			case v == "" || isInd:
			case h[i] == "":
				h[i] = v
			default:
				if _, ok := c.indicatorOf(v); ok {
					h[i] = v
				}
			}
		}
	}
	for i, v := range h {
		if _, ok := c.indicatorOf(v); !ok {
			h[i] = withoutUnit(v, c)
		}
	}
	out := &table.Table{File: t.File, Sheet: t.Sheet, Header: h, Rows: t.Rows[start:], Lines: t.Lines[start:], Encoding: t.Encoding}
	if t.Dates != nil {
		out.Dates = map[table.Cell]bool{}
		for cell := range t.Dates {
			if cell.Row >= start {
				out.Dates[table.Cell{Row: cell.Row - start, Col: cell.Col}] = true
			}
		}
	}
	return out
}

// withoutUnit drops a trailing unit in brackets (地区生产总值（亿元）) when
// what remains names an indicator.
func withoutUnit(h string, c *catalogue) string {
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if strings.HasSuffix(h, p[1]) {
			if i := strings.LastIndex(h, p[0]); i > 0 {
				if _, ok := c.indicatorOf(h[:i]); ok {
					return h[:i]
				}
			}
		}
	}
	return h
}
