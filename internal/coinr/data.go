package coinr

import (
	"errors"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// Data is a parsed iData table, split by period (the Time column).
type Data struct {
	Meta    *Meta
	Periods []Period // chronological
	file    string
	col     map[string]int // iData column name → 1-based column
}

// Period is the data of one Time value.
type Period struct {
	Time  string // "" when iData has no Time column
	Input engine.Input
	Names []string       // uName per unit ("" when absent)
	line  map[string]int // unit code → iData line
}

// ReadData parses iData against m: uCode is required; every other column
// must be uName, Time, or an iMeta code (indicator, group, denominator,
// other); every indicator of iMeta must have a column. Numbers are checked
// cell by cell and all problems reported together.
func ReadData(m *Meta, t *table.Table) (*Data, error) {
	d := &Data{Meta: m, file: t.File, col: map[string]int{}}
	var errs table.Errors
	known := map[string]bool{"uCode": true, "uName": true, "Time": true}
	for _, c := range append(append(append([]string{}, m.Groups...), m.Denoms...), m.Others...) {
		known[c] = true
	}
	indicators := m.Tree.IndicatorCodes()
	for _, c := range indicators {
		known[c] = true
	}
	for i, h := range t.Header {
		d.col[h] = i + 1
		if !known[h] {
			errs = append(errs, &table.Error{File: t.File, Line: 1, Col: i + 1, Msg: locale.M("coinr.unknowncol", h)})
		}
	}
	if _, ok := d.col["uCode"]; !ok {
		errs = append(errs, t.MissingColumn("uCode"))
	}
	for _, c := range indicators {
		if _, ok := d.col[c]; !ok {
			errs = append(errs, t.MissingColumn(c))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(t.Rows) == 0 {
		return nil, &table.Error{File: t.File, Line: 1, Msg: locale.M("coinr.nounits")}
	}

	// Rows by period, in order of appearance within each period.
	rowsOf := map[string][]int{}
	var times []string
	tcol, hasTime := d.col["Time"]
	for r, row := range t.Rows {
		tm := ""
		if hasTime {
			tm = row[tcol-1]
		}
		if _, seen := rowsOf[tm]; !seen {
			times = append(times, tm)
		}
		rowsOf[tm] = append(rowsOf[tm], r)
	}
	sortPeriods(times)
	var denoms []string
	for _, c := range m.Denoms {
		if _, ok := d.col[c]; ok {
			denoms = append(denoms, c)
		}
	}
	for _, tm := range times {
		rows := rowsOf[tm]
		p := Period{Time: tm, line: map[string]int{}}
		units := make([]string, 0, len(rows))
		for _, r := range rows {
			code := t.Rows[r][d.col["uCode"]-1]
			if code == "" {
				errs = append(errs, t.Errorf(r, d.col["uCode"]-1, locale.M("coinr.emptycode")))
			} else if first, dup := p.line[code]; dup {
				errs = append(errs, t.Errorf(r, d.col["uCode"]-1, locale.M("coinr.dupunit", code, first)))
			}
			p.line[code] = t.Lines[r]
			units = append(units, code)
			name := ""
			if c, ok := d.col["uName"]; ok {
				name = t.Rows[r][c-1]
			}
			p.Names = append(p.Names, name)
		}
		raw := engine.NewDataset(units, indicators)
		for j, c := range indicators {
			for k, r := range rows {
				raw.Vals[j][k] = t.Number(r, d.col[c]-1, &errs)
			}
		}
		var den *engine.Dataset
		if len(denoms) > 0 {
			den = engine.NewDataset(units, denoms)
			for j, c := range denoms {
				for k, r := range rows {
					den.Vals[j][k] = t.Number(r, d.col[c]-1, &errs)
				}
			}
		}
		groups := map[string][]string{}
		for _, g := range m.Groups {
			if c, ok := d.col[g]; ok {
				vals := make([]string, len(rows))
				for k, r := range rows {
					vals[k] = t.Rows[r][c-1]
				}
				groups[g] = vals
			}
		}
		p.Input = engine.Input{Tree: m.Tree, Raw: raw, Denoms: den, Groups: groups, Period: tm}
		d.Periods = append(d.Periods, p)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return d, nil
}

// Inputs returns the engine inputs of every period, in order.
func (d *Data) Inputs() []engine.Input {
	out := make([]engine.Input, len(d.Periods))
	for i, p := range d.Periods {
		out[i] = p.Input
	}
	return out
}

// Locate turns an engine error into an error at the input cell it concerns
// when it names a unit (and an indicator or denominator column), or at the
// iMeta row of the node it names; other errors are returned unchanged.
func (d *Data) Locate(err error, period string) error {
	var ee *engine.Error
	if !errors.As(err, &ee) {
		return err
	}
	msg := locale.Message{Key: "engine.error", Args: []any{ee}}
	if ee.Unit != "" {
		for _, p := range d.Periods {
			if p.Time != period {
				continue
			}
			if line, ok := p.line[ee.Unit]; ok {
				return &table.Error{File: d.file, Line: line, Col: d.col[ee.Node], Msg: msg}
			}
		}
	}
	if ee.Kind == engine.ErrNoDenominator {
		return &table.Error{File: d.Meta.file, Line: d.Meta.line[ee.Node], Col: d.Meta.col["Denominator"], Msg: msg}
	}
	if ee.Node != "" && d.Meta.line[ee.Node] > 0 {
		return &table.Error{File: d.Meta.file, Line: d.Meta.line[ee.Node], Col: d.Meta.col["iCode"], Msg: msg}
	}
	return err
}

func init() {
	// engine.error renders an engine error in the user's language; the
	// engine carries its own Chinese and English texts.
	locale.Register(map[string][2]string{"engine.error": {"%[1]s", "%[1]s"}})
}
