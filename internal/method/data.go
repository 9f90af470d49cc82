package method

import (
	"slices"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// SampleMark is the words that mark generated sample data (示例数据): a
// table containing them anywhere (or a sheet so named) makes every output
// say so.
const SampleMark = "示例数据"

// Unit is an evaluated unit (a county) with its declared types, primary
// first.
type Unit struct {
	Code  string
	Name  string
	Types []string
}

// Data is one period's data: one row per unit, the catalogue's columns.
type Data struct {
	Units  []Unit
	Values map[string][]float64 // column code → one value per unit; NaN = missing
	Sample bool
}

// Event is a row of the events table: something a department reported
// about a unit, with its document number (文号).
type Event struct {
	Unit       string
	Date       string // YYYY-MM-DD
	Type       string
	Department string
	Document   string
	Note       string
	Line       int // line in the events table, for messages
}

// Targets holds per-unit targets: indicator → unit code → target.
type Targets map[string]map[string]float64

// Previous is the previous period's published result: the overall rank of
// every unit in it.
type Previous struct {
	Rank   map[string]float64
	Period string
}

func init() {
	locale.Register(map[string][2]string{
		"method.data.notype":   {"缺少主类型", "the primary type is missing"},
		"method.data.type":     {"未知的县域类型 %q（方法中未定义）", "unknown county type %q (not defined by the method)"},
		"method.data.duptype":  {"类型 %q 重复", "type %q is given twice"},
		"method.data.dupunit":  {"单位代码 %q 重复", "unit code %q appears twice"},
		"method.data.unit":     {"未知的单位代码 %q（数据中没有）", "unknown unit code %q (not in the data)"},
		"method.data.nocode":   {"单位代码为空", "the unit code is empty"},
		"method.events.type":   {"未知的事件类型 %q（方法中未定义）", "unknown event type %q (not defined by the method)"},
		"method.events.date":   {"日期应为 YYYY-MM-DD，实际为 %q", "the date must be YYYY-MM-DD, found %q"},
		"method.targets.ind":   {"未知的指标 %q", "unknown indicator %q"},
		"method.targets.dup":   {"单位 %s 的指标 %s 目标重复", "the target of %s for unit %s is given twice"},
		"method.previous.none": {"上期结果中没有总得分节点 %s 的排名", "the previous result has no rank of the top node %s"},
	})
}

// ReadData reads the data table (one row per unit) against the method:
// the code, name and type columns, and a column for every reported
// indicator of the catalogue. Derived indicators are computed by Run. All
// problems are returned together, located at their cells.
func ReadData(m *Method, t *table.Table) (*Data, error) {
	var errs table.Errors
	col := func(name string) int {
		c := t.Col(name)
		if c < 0 {
			errs = append(errs, t.MissingColumn(name))
		}
		return c
	}
	codeCol, nameCol := col(m.Data.Code), t.Col(m.Data.Name)
	typeCols := make([]int, len(m.Data.Types))
	for i, name := range m.Data.Types {
		if typeCols[i] = t.Col(name); typeCols[i] < 0 && i == 0 {
			errs = append(errs, t.MissingColumn(name))
		}
	}
	d := &Data{Values: map[string][]float64{}, Sample: t.Sheet == SampleMark}
	valCols := map[string]int{}
	for _, ind := range m.Indicators {
		if ind.Source == SourceReported || ind.Source == SourceOfficial {
			valCols[ind.Code] = col(ind.Code)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	for _, h := range t.Header {
		d.Sample = d.Sample || strings.Contains(h, SampleMark)
	}
	seen := map[string]bool{}
	for r, row := range t.Rows {
		for _, cell := range row {
			d.Sample = d.Sample || strings.Contains(cell, SampleMark)
		}
		u := Unit{Code: strings.TrimSpace(row[codeCol])}
		switch {
		case u.Code == "":
			errs = append(errs, t.Errorf(r, codeCol, locale.M("method.data.nocode")))
		case seen[u.Code]:
			errs = append(errs, t.Errorf(r, codeCol, locale.M("method.data.dupunit", u.Code)))
		}
		seen[u.Code] = true
		if nameCol >= 0 {
			u.Name = strings.TrimSpace(row[nameCol])
		}
		for i, c := range typeCols {
			v := ""
			if c >= 0 {
				v = strings.TrimSpace(row[c])
			}
			switch {
			case v == "" && i == 0:
				errs = append(errs, t.Errorf(r, c, locale.M("method.data.notype")))
			case v == "":
			case !slices.ContainsFunc(m.Types, func(ty Type) bool { return ty.Name == v }):
				errs = append(errs, t.Errorf(r, c, locale.M("method.data.type", v)))
			case slices.Contains(u.Types, v):
				errs = append(errs, t.Errorf(r, c, locale.M("method.data.duptype", v)))
			default:
				u.Types = append(u.Types, v)
			}
		}
		if len(typeCols) == 0 && len(m.Types) == 1 {
			u.Types = []string{m.Types[0].Name}
		}
		if rs := m.Restricted; rs != nil && len(typeCols) > 0 && len(u.Types) > 0 && slices.Contains(rs.Units, u.Code) &&
			!slices.Contains(rs.First, u.Types[0]) {
			errs = append(errs, t.Errorf(r, typeCols[0], locale.M("method.data.restricted", rs.Name, strings.Join(rs.First, "或"), u.Types[0])))
		}
		d.Units = append(d.Units, u)
	}
	for code, c := range valCols {
		vals := make([]float64, len(t.Rows))
		for r := range t.Rows {
			vals[r] = t.Number(r, c, &errs)
		}
		d.Values[code] = vals
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b *table.Error) int { return a.Line*1000 + a.Col - b.Line*1000 - b.Col })
		return nil, errs
	}
	return d, nil
}

// unitIndex returns code → row of d.
func (d *Data) unitIndex() map[string]int {
	idx := make(map[string]int, len(d.Units))
	for i, u := range d.Units {
		idx[u.Code] = i
	}
	return idx
}

// ReadEvents reads the events table (单位代码, 日期, 事件类型, 提供部门, 文号,
// 备注): every event type must be one the method defines and every unit one
// of the data.
func ReadEvents(m *Method, d *Data, t *table.Table) ([]Event, error) {
	var errs table.Errors
	cols := map[string]int{}
	for _, name := range []string{"单位代码", "日期", "事件类型", "提供部门", "文号", "备注"} {
		if cols[name] = t.Col(name); cols[name] < 0 && name != "备注" && name != "提供部门" && name != "文号" {
			errs = append(errs, t.MissingColumn(name))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	get := func(row []string, name string) string {
		if c := cols[name]; c >= 0 {
			return strings.TrimSpace(row[c])
		}
		return ""
	}
	units := d.unitIndex()
	var out []Event
	for r, row := range t.Rows {
		e := Event{Unit: get(row, "单位代码"), Date: get(row, "日期"), Type: get(row, "事件类型"),
			Department: get(row, "提供部门"), Document: get(row, "文号"), Note: get(row, "备注"), Line: t.Lines[r]}
		if _, ok := units[e.Unit]; !ok {
			errs = append(errs, t.Errorf(r, cols["单位代码"], locale.M("method.data.unit", e.Unit)))
		}
		if _, err := time.Parse("2006-01-02", e.Date); err != nil {
			errs = append(errs, t.Errorf(r, cols["日期"], locale.M("method.events.date", e.Date)))
		}
		if m.eventType(e.Type) == nil {
			errs = append(errs, t.Errorf(r, cols["事件类型"], locale.M("method.events.type", e.Type)))
		}
		if strings.Contains(e.Note, SampleMark) {
			d.Sample = true
		}
		out = append(out, e)
	}
	return out, errs.Err()
}

func (m *Method) eventType(name string) *EventType {
	for i := range m.Events {
		if m.Events[i].Type == name {
			return &m.Events[i]
		}
	}
	return nil
}

// ReadTargets reads per-unit targets (单位代码, 指标, 目标值, 备注).
func ReadTargets(m *Method, d *Data, t *table.Table) (Targets, error) {
	var errs table.Errors
	cu, ci, cv := t.Col("单位代码"), t.Col("指标"), t.Col("目标值")
	for i, c := range []int{cu, ci, cv} {
		if c < 0 {
			errs = append(errs, t.MissingColumn([]string{"单位代码", "指标", "目标值"}[i]))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	units := d.unitIndex()
	out := Targets{}
	for r, row := range t.Rows {
		u, ind := strings.TrimSpace(row[cu]), strings.TrimSpace(row[ci])
		if _, ok := units[u]; !ok {
			errs = append(errs, t.Errorf(r, cu, locale.M("method.data.unit", u)))
		}
		if m.indicator(ind) == nil {
			errs = append(errs, t.Errorf(r, ci, locale.M("method.targets.ind", ind)))
		}
		v := t.Number(r, cv, &errs)
		if out[ind] == nil {
			out[ind] = map[string]float64{}
		}
		if _, dup := out[ind][u]; dup {
			errs = append(errs, t.Errorf(r, ci, locale.M("method.targets.dup", ind, u)))
		}
		out[ind][u] = v
	}
	return out, errs.Err()
}

// ReadPrevious reads a previous result as written by evaluate (.csv: unit,
// node, …, rank, group …): the overall rank of each unit is the rank on the
// row of the top node whose group is empty. A result without a group
// column (the engine-core format) gives the rank of the top node's rows.
func ReadPrevious(m *Method, t *table.Table) (*Previous, error) {
	var errs table.Errors
	cu, cn, cr, cg, cp := t.Col("unit"), t.Col("node"), t.Col("rank"), t.Col("group"), t.Col("period")
	for i, c := range []int{cu, cn, cr} {
		if c < 0 {
			errs = append(errs, t.MissingColumn([]string{"unit", "node", "rank"}[i]))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	p := &Previous{Rank: map[string]float64{}}
	root := m.Root()
	for r, row := range t.Rows {
		if row[cn] != root || (cg >= 0 && row[cg] != "") {
			continue
		}
		p.Rank[row[cu]] = t.Number(r, cr, &errs)
		if cp >= 0 {
			p.Period = row[cp]
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(p.Rank) == 0 {
		return nil, table.Errors{{File: t.File, Sheet: t.Sheet, Line: 1, Msg: locale.M("method.previous.none", root)}}
	}
	return p, nil
}
