// Package ingest brings data into the store from the tables people send:
// a wide table of figures (one row per unit, one column per indicator),
// the events table and the targets table of the method format. Every cell is
// checked against the store's catalogue and the user's rights before
// anything is written; all problems come back together, each located at its
// cell (FILE:SHEET!B7 for a workbook, FILE:LINE:COLUMN for CSV) and
// rendered in the user's language; a table without problems is written as
// one revision, all or nothing.
//
// It also makes the download template of a wide table (Template): the
// units and indicators a user may report, with last year's figures beside
// them for reference.
package ingest

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
)

// Options are the settings of an import besides the table.
type Options struct {
	// Note describes the revision the import creates; an empty Kind becomes
	// "import", "events" or "targets", an empty Source the table's file name.
	Note store.RevisionNote
	// Period is the period of the figures or targets ("2022", "2023-M06",
	// "2023-Q2"). A table may carry a 期间 (period) column instead; when both
	// are given they must agree. For events it bounds the dates: every
	// event must fall within the period.
	Period string
	// Status is the status of imported figures; "" is reported. A
	// department re-sending corrected figures may say corrected.
	Status store.Status
}

// MaxErrors bounds how many problems an import lists; the rest are counted
// in a last line. A table with more is usually the wrong table.
const MaxErrors = 1000

// The column names of identity and reference columns, Chinese first.
var (
	codeColumns   = []string{"代码", "单位代码", "code", "unit"}
	nameColumns   = []string{"名称", "单位名称", "name"}
	periodColumns = []string{"期间", "period"}
	noteColumns   = []string{"备注", "note"}
	// Identity columns that a wide table may carry and the import ignores:
	// the prefecture and the declared types (kept as unit attributes, not
	// figures).
	ignoredColumns = []string{"市州", "prefecture", "类型", "类型2", "type", "type2"}
)

// ReferencePrefix starts the header of a column that is only there to be
// read (the template's last-year figures); the import skips it.
const ReferencePrefix = "参考"

func init() {
	locale.Register(map[string][2]string{
		"ingest.norights":    {"您的账号（%s）无权导入%s", "your account (%s) may not import %s"},
		"ingest.unit":        {"未知的单位代码 %q", "unknown unit code %q"},
		"ingest.nocode":      {"单位代码为空", "the unit code is empty"},
		"ingest.dupunit":     {"单位 %s 在本表中出现两次（第一次在第 %d 行）", "unit %s appears twice (first on line %d)"},
		"ingest.column":      {"未知的列 %q：不是指标代码或指标名称，也不是代码、名称、市州、类型、期间、备注列", "unknown column %q: not an indicator code or name, nor a code, name, prefecture, type, period or note column"},
		"ingest.dupcolumn":   {"指标 %s 有两列（另一列是第 %s 列）", "indicator %s has two columns (the other is column %s)"},
		"ingest.forbidden":   {"指标 %s（%s）由%s提供，您的账号（%s）无权导入", "indicator %s (%s) is provided by %s; your account (%s) may not import it"},
		"ingest.forbidcell":  {"您的账号（%s）无权导入单位 %s 的指标 %s", "your account (%s) may not import unit %s's figure of indicator %s"},
		"ingest.noperiod":    {"未指定期间：请给出期间（如 2022），或在表中加“期间”列", "no period: give one (e.g. 2022) or add a 期间 (period) column"},
		"ingest.period":      {"期间 %q 无效：应为 2022、2023-M06 或 2023-Q2 这样的写法", "invalid period %q: write it like 2022, 2023-M06 or 2023-Q2"},
		"ingest.periodclash": {"本行期间 %s 与指定的期间 %s 不一致", "this row's period %s differs from the period given, %s"},
		"ingest.nodata":      {"表中没有可导入的数值（空单元格不导入；要清除某个数值请填 NA）", "the table has no values to import (empty cells are not imported; write NA to clear a figure)"},
		"ingest.noindicator": {"表中没有指标列", "the table has no indicator column"},
		"ingest.status":      {"未知的数据状态 %q", "unknown figure status %q"},
		"ingest.more":        {"另有 %d 个错误未列出", "%d more errors not listed"},
		"ingest.what.obs":    {"数据", "figures"},
		"ingest.what.events": {"事件", "events"},
		"ingest.what.target": {"目标值", "targets"},
	})
}

// catalogue is what the checks need from the store, read once per import.
type catalogue struct {
	units      map[string]store.Unit
	indicators map[string]store.Indicator
	byName     map[string]string // Chinese name → code
}

func loadCatalogue(ctx context.Context, db *store.DB) (*catalogue, error) {
	units, err := db.Units(ctx, store.UnitFilter{})
	if err != nil {
		return nil, err
	}
	inds, err := db.Indicators(ctx, "")
	if err != nil {
		return nil, err
	}
	c := &catalogue{units: make(map[string]store.Unit, len(units)), indicators: make(map[string]store.Indicator, len(inds)),
		byName: make(map[string]string, len(inds))}
	for _, u := range units {
		c.units[u.Code] = u
	}
	for _, i := range inds {
		c.indicators[i.Code] = i
		c.byName[i.NameZH] = i.Code
	}
	return c, nil
}

// prefecture returns the prefecture a unit lies in, as store.PrefectureOf
// does but from the catalogue in memory: thousands of rows must not cost
// thousands of queries.
func (c *catalogue) prefecture(code string) string {
	for range 5 {
		u, ok := c.units[code]
		if !ok {
			return ""
		}
		switch u.Kind {
		case store.UnitPrefecture:
			return u.Code
		case store.UnitProvince:
			return ""
		case store.UnitZone:
			code = u.Host
		default:
			code = u.Parent
		}
	}
	return ""
}

// indicatorOf resolves a column header to an indicator code: the code
// itself, the Chinese name, or the template's "名称（code）".
func (c *catalogue) indicatorOf(h string) (string, bool) {
	if _, ok := c.indicators[h]; ok {
		return h, true
	}
	if code, ok := c.byName[h]; ok {
		return code, true
	}
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if strings.HasSuffix(h, p[1]) {
			if i := strings.LastIndex(h, p[0]); i >= 0 {
				code := strings.TrimSpace(h[i+len(p[0]) : len(h)-len(p[1])])
				if _, ok := c.indicators[code]; ok {
					return code, true
				}
			}
		}
	}
	return "", false
}

// findColumn returns the index of the first header in names, or -1.
func findColumn(t *table.Table, names []string) int {
	for _, n := range names {
		if c := t.Col(n); c >= 0 {
			return c
		}
	}
	return -1
}

// errorList collects located errors up to MaxErrors.
type errorList struct {
	t      *table.Table
	errs   table.Errors
	hidden int
}

func (l *errorList) add(e *table.Error) {
	if len(l.errs) >= MaxErrors {
		l.hidden++
		return
	}
	l.errs = append(l.errs, e)
}

// at adds an error at row r, column c of the table (r < 0: the header).
func (l *errorList) at(r, c int, key string, args ...any) {
	l.add(l.t.Errorf(r, c, locale.M(key, args...)))
}

// file adds an error about the whole table.
func (l *errorList) file(key string, args ...any) {
	l.add(&table.Error{File: l.t.File, Sheet: l.t.Sheet, Msg: locale.M(key, args...)})
}

// err returns the errors in reading order, or nil.
func (l *errorList) err() error {
	if len(l.errs) == 0 {
		return nil
	}
	slices.SortStableFunc(l.errs, func(a, b *table.Error) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	})
	if l.hidden > 0 {
		l.errs = append(l.errs, &table.Error{File: l.t.File, Sheet: l.t.Sheet, Msg: locale.M("ingest.more", l.hidden)})
	}
	return l.errs
}

// periodOf reads the period of row r: the 期间 cell when the table has
// one, else def. It reports a bad or clashing period and returns "".
func periodOf(l *errorList, r, col int, def string) string {
	if col < 0 {
		return def
	}
	raw := strings.TrimSpace(l.t.Rows[r][col])
	if raw == "" {
		if def == "" {
			l.at(r, col, "ingest.noperiod")
		}
		return def
	}
	p, err := store.ParsePeriod(raw)
	if err != nil {
		l.at(r, col, "ingest.period", raw)
		return ""
	}
	if def != "" && p.Code != def {
		l.at(r, col, "ingest.periodclash", p.Code, def)
		return ""
	}
	return p.Code
}

// defaultPeriod checks opts.Period and returns its canonical code ("" when
// not given; an error is recorded when it is invalid or when the table has
// no period column to make up for its absence).
func defaultPeriod(l *errorList, period string, hasColumn bool) (string, bool) {
	if strings.TrimSpace(period) == "" {
		if !hasColumn {
			l.file("ingest.noperiod")
			return "", false
		}
		return "", true
	}
	p, err := store.ParsePeriod(period)
	if err != nil {
		l.file("ingest.period", period)
		return "", false
	}
	return p.Code, true
}

// who names a user in messages: her name and role, with her scope.
func who(u auth.User) string {
	s := u.Name + " " + string(u.Role)
	switch {
	case u.Department != "":
		s += " " + u.Department
	case u.Unit != "":
		s += " " + u.Unit
	}
	return s
}

// withDefaults fills the note's empty kind and source.
func withDefaults(n store.RevisionNote, kind string, t *table.Table) store.RevisionNote {
	if n.Kind == "" {
		n.Kind = kind
	}
	if n.Source == "" {
		n.Source = t.File
		if t.Sheet != "" {
			n.Source += ":" + t.Sheet
		}
	}
	return n
}

// wrapStore makes a store error of the final write readable; the table was
// checked, so this is a race (a unit removed meanwhile) or a database
// failure.
func wrapStore(err error, what string) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("ingest: writing the %s: %w", what, err)
}
