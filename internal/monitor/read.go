package monitor

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

func init() {
	locale.Register(map[string][2]string{
		"monitor.period": {"期间应为 YYYY-MM（如 2023-06，即 1–6月累计），实际为 %q",
			"the period should be YYYY-MM (2023-06 is January–June cumulative), found %q"},
		"monitor.nounit":      {"单位代码为空", "the unit code is empty"},
		"monitor.noind":       {"指标为空", "the indicator is empty"},
		"monitor.dupfigure":   {"单位 %s 的指标 %s 在 %s 重复（第一次在第 %d 行）", "unit %s, indicator %s, period %s is given twice (first on line %d)"},
		"monitor.twoprovince": {"第二个省级代码 %s（第 %d 行为 %s）：一个文件只能有一个省", "a second province code %s (line %d has %s): one province per file"},
		"monitor.year":        {"年份应为四位整数，实际为 %q", "the year should be a 4-digit integer, found %q"},
		"monitor.kind": {"目标类型应为 absolute（总量）或 growth（增速，百分数），实际为 %q",
			"the target kind should be absolute or growth (a growth rate in percent), found %q"},
		"monitor.notarget":  {"目标值为空", "the target is empty"},
		"monitor.duptarget": {"单位 %s 的指标 %s 在 %d 年的目标重复（第一次在第 %d 行）", "the %[3]d target of unit %[1]s for %[2]s is given twice (first on line %[4]d)"},
		"monitor.month":     {"月份应为 1 到 12 的整数，实际为 %q", "the month should be an integer from 1 to 12, found %q"},
		"monitor.share": {"基准比例应为 0 到 1 之间的小数（45%% 写作 0.45），实际为 %s",
			"the benchmark share should be a fraction between 0 and 1 (45 %% is 0.45), found %s"},
		"monitor.noshare":  {"基准比例为空", "the benchmark share is empty"},
		"monitor.dupshare": {"指标 %s 第 %d 月的基准比例重复（第一次在第 %d 行）", "the share of %s for month %d is given twice (first on line %d)"},
		"monitor.more":     {"另有 %d 个问题未列出", "%d more problems not listed"},
	})
}

// MaxErrors bounds how many problems a reader lists; the rest are counted
// in a last line. A file with more is usually the wrong file.
const MaxErrors = 1000

// problems collects located errors up to MaxErrors.
type problems struct {
	t     *table.Table
	errs  table.Errors
	extra int
}

func (l *problems) at(r, c int, key string, args ...any) {
	if len(l.errs) >= MaxErrors {
		l.extra++
		return
	}
	l.errs = append(l.errs, l.t.Errorf(r, c, locale.M(key, args...)))
}

// err returns the problems in file order (a row's duplicate key is found
// after its cells are read, but is reported at its unit column).
func (l *problems) err() error {
	slices.SortStableFunc(l.errs, func(a, b *table.Error) int { return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col)) })
	if l.extra > 0 {
		l.errs = append(l.errs, &table.Error{File: l.t.File, Sheet: l.t.Sheet, Msg: locale.M("monitor.more", l.extra)})
	}
	return l.errs.Err()
}

// columns finds the named columns (extra columns are allowed, the order is
// free) or returns an error for each missing one.
func columns(t *table.Table, names ...string) ([]int, error) {
	idx := make([]int, len(names))
	var errs table.Errors
	for i, n := range names {
		if idx[i] = t.Col(n); idx[i] < 0 {
			errs = append(errs, t.MissingColumn(n))
		}
	}
	return idx, errs.Err()
}

// number parses cell (r, c): ok is false (and the problem recorded) when it
// is neither a number nor empty; an empty cell is NaN.
func (l *problems) number(r, c int) (float64, bool) {
	s := l.t.Rows[r][c]
	v, ok := table.ParseNumber(s)
	if !ok {
		l.at(r, c, "table.number", s)
	}
	return v, ok
}

// ReadFigures reads the figures table: period,unit,indicator,value and an
// optional growth column (percent); other columns are ignored. Every row is
// checked: the period (YYYY-MM, or the store's 2023-M06 / 2023-Q2; in a
// workbook also a date cell, of which the year and month count), a unit
// and an indicator, numbers or empty cells (missing), each unit, indicator
// and period once, and at most one province code (ending in 0000). keep,
// when not nil, selects the periods whose figures are returned, so that a
// file of many months need not be held twice.
func ReadFigures(t *table.Table, keep func(Period) bool) ([]Figure, error) {
	cols, err := columns(t, "period", "unit", "indicator", "value")
	if err != nil {
		return nil, err
	}
	cp, cu, ci, cv := cols[0], cols[1], cols[2], cols[3]
	cg := t.Col("growth")
	l := &problems{t: t}
	units, inds := map[string]int32{}, map[string]int32{}
	intern := func(m map[string]int32, s string) int32 {
		id, ok := m[s]
		if !ok {
			id = int32(len(m))
			m[s] = id
		}
		return id
	}
	first := make(map[[3]int32]int32, len(t.Rows)) // period, unit, indicator → first row
	province, provinceRow := "", 0
	var out []Figure
	if keep == nil {
		out = make([]Figure, 0, len(t.Rows))
	}
	for r, row := range t.Rows {
		n := len(l.errs) + l.extra
		p, pok := periodCell(t, row[cp])
		if !pok {
			l.at(r, cp, "monitor.period", row[cp])
		}
		unit, ind := strings.TrimSpace(row[cu]), strings.TrimSpace(row[ci])
		if unit == "" {
			l.at(r, cu, "monitor.nounit")
		}
		if ind == "" {
			l.at(r, ci, "monitor.noind")
		}
		v, _ := l.number(r, cv)
		g := math.NaN()
		if cg >= 0 {
			g, _ = l.number(r, cg)
		}
		if IsProvince(unit) {
			switch {
			case province == "":
				province, provinceRow = unit, r
			case unit != province:
				l.at(r, cu, "monitor.twoprovince", unit, t.Lines[provinceRow], province)
			}
		}
		if pok && unit != "" && ind != "" {
			k := [3]int32{int32(p.Year*12 + p.Month), intern(units, unit), intern(inds, ind)}
			if f, dup := first[k]; dup {
				l.at(r, cu, "monitor.dupfigure", unit, ind, p, t.Lines[f])
			} else {
				first[k] = int32(r)
			}
		}
		if len(l.errs)+l.extra == n && (keep == nil || keep(p)) {
			out = append(out, Figure{Unit: unit, Indicator: ind, Period: p, Value: v, Growth: g})
		}
	}
	if err := l.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// periodCell parses a period; in a workbook a whole number is also read as
// a date (Excel and WPS turn a typed 2023-06 into the date 2023-06-01 and
// store its serial number).
func periodCell(t *table.Table, s string) (Period, bool) {
	if p, ok := ParsePeriod(s); ok || t.Sheet == "" {
		return p, ok
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 61 || n > 2958465 { // 1900-03-01 … 9999-12-31
		return Period{}, false
	}
	d := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	return Period{d.Year(), int(d.Month())}, true
}

// ReadTargets reads the targets table: year,unit,indicator,target,kind,
// kind absolute or growth (a growth target in percent); other columns are
// ignored. Each unit and indicator has at most one target a year.
func ReadTargets(t *table.Table) ([]Target, error) {
	cols, err := columns(t, "year", "unit", "indicator", "target", "kind")
	if err != nil {
		return nil, err
	}
	cy, cu, ci, cv, ck := cols[0], cols[1], cols[2], cols[3], cols[4]
	l := &problems{t: t}
	type key struct {
		year      int
		unit, ind string
	}
	first := make(map[key]int, len(t.Rows))
	out := make([]Target, 0, len(t.Rows))
	for r, row := range t.Rows {
		ys := strings.TrimSpace(row[cy])
		y, err := strconv.Atoi(ys)
		yok := err == nil && len(ys) == 4 && digits(ys)
		if !yok {
			l.at(r, cy, "monitor.year", row[cy])
		}
		unit, ind := strings.TrimSpace(row[cu]), strings.TrimSpace(row[ci])
		if unit == "" {
			l.at(r, cu, "monitor.nounit")
		}
		if ind == "" {
			l.at(r, ci, "monitor.noind")
		}
		v, ok := l.number(r, cv)
		if ok && math.IsNaN(v) {
			l.at(r, cv, "monitor.notarget")
		}
		kind := Kind(strings.ToLower(strings.TrimSpace(row[ck])))
		if kind != Absolute && kind != Growth {
			l.at(r, ck, "monitor.kind", row[ck])
		}
		if yok && unit != "" && ind != "" {
			k := key{y, unit, ind}
			if f, dup := first[k]; dup {
				l.at(r, cu, "monitor.duptarget", unit, ind, y, t.Lines[f])
			} else {
				first[k] = r
			}
		}
		out = append(out, Target{Year: y, Unit: unit, Indicator: ind, Value: v, Kind: kind})
	}
	if err := l.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// ReadShares reads the seasonal benchmark table: indicator,month,share,
// the share a fraction from 0 to 1; other columns are ignored. Each
// indicator and month once.
func ReadShares(t *table.Table) (Shares, error) {
	cols, err := columns(t, "indicator", "month", "share")
	if err != nil {
		return nil, err
	}
	ci, cm, cs := cols[0], cols[1], cols[2]
	l := &problems{t: t}
	first := map[ShareKey]int{}
	out := Shares{}
	for r, row := range t.Rows {
		ind := strings.TrimSpace(row[ci])
		if ind == "" {
			l.at(r, ci, "monitor.noind")
		}
		ms := strings.TrimSpace(row[cm])
		m, err := strconv.Atoi(ms)
		mok := err == nil && m >= 1 && m <= 12 && digits(ms)
		if !mok {
			l.at(r, cm, "monitor.month", row[cm])
		}
		s, ok := l.number(r, cs)
		switch {
		case ok && math.IsNaN(s):
			l.at(r, cs, "monitor.noshare")
		case ok && (s < 0 || s > 1):
			l.at(r, cs, "monitor.share", strings.TrimSpace(row[cs]))
		}
		if ind == "" || !mok {
			continue
		}
		k := ShareKey{ind, m}
		if f, dup := first[k]; dup {
			l.at(r, ci, "monitor.dupshare", ind, m, t.Lines[f])
			continue
		}
		first[k] = r
		out[k] = s
	}
	if err := l.err(); err != nil {
		return nil, err
	}
	return out, nil
}
