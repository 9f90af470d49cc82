// Package coinr reads COINr's input tables — iMeta (the indicator
// hierarchy) and iData (units × indicators, with groups, time and
// denominators) — into engine inputs, and points engine errors back at the
// cells they came from.
package coinr

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

func init() {
	locale.Register(map[string][2]string{
		"coinr.type":       {"未知的类型 %q：应为 Indicator、Aggregate、Group、Denominator 或 Other", "unknown Type %q: expected Indicator, Aggregate, Group, Denominator or Other"},
		"coinr.level":      {"层级应为正整数，实际为 %q", "Level must be a positive integer, found %q"},
		"coinr.direction":  {"方向应为 1 或 -1，实际为 %q", "Direction must be 1 or -1, found %q"},
		"coinr.dupcode":    {"代码 %q 重复（第 %d 行已出现）", "code %q is duplicated (first on line %d)"},
		"coinr.emptycode":  {"代码为空", "the code is empty"},
		"coinr.dupunit":    {"单位代码 %q 重复（第 %d 行已出现）", "unit code %q is duplicated (first on line %d)"},
		"coinr.unknowncol": {"列 %q 不在 iMeta 中", "column %q is not in iMeta"},
		"coinr.nometa":     {"iMeta 中没有指标", "iMeta has no indicators"},
		"coinr.weight":     {"权重不能为负数：%q", "the weight must not be negative: %q"},
		"coinr.weightbig":  {"权重不能超过 %g：%q", "the weight must not exceed %g: %q"},
		"coinr.zeroweight": {"%s 的下级权重全为零", "the children of %s all have zero weight"},
		"coinr.parent":     {"上级 %q 不存在", "the parent %q does not exist"},
		"coinr.cycle":      {"层级结构中存在循环，经过 %s", "the hierarchy has a cycle through %s"},
		"coinr.badlevel":   {"层级错误：%s", "wrong level: %s"},
		"coinr.nounits":    {"没有数据行", "no data rows"},
	})
}

// Meta is a parsed iMeta table.
type Meta struct {
	Meta   engine.Meta
	Tree   *engine.Tree
	Groups []string // Type = Group
	Denoms []string // Type = Denominator
	Others []string // Type = Other
	file   string
	line   map[string]int // code → iMeta line
	col    map[string]int // iMeta column name → 1-based column
}

// metaColumns are required in iMeta; the goalpost and cap columns are
// optional, as in COINr.
var metaColumns = []string{"Level", "iCode", "iName", "Direction", "Weight", "Type", "Parent"}

// ReadMeta parses iMeta. All problems are reported together.
func ReadMeta(t *table.Table) (*Meta, error) {
	var errs table.Errors
	col := map[string]int{}
	for _, name := range metaColumns {
		if t.Col(name) < 0 {
			errs = append(errs, t.MissingColumn(name))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	for i, h := range t.Header {
		col[h] = i + 1
	}
	m := &Meta{file: t.File, line: map[string]int{}, col: col}
	cell := func(r []string, name string) string {
		if i, ok := col[name]; ok {
			return strings.TrimSpace(r[i-1])
		}
		return ""
	}
	optional := func(r int, name string) float64 {
		i, ok := col[name]
		if !ok {
			return math.NaN()
		}
		return t.Number(r, i-1, &errs)
	}
	for r, row := range t.Rows {
		code := cell(row, "iCode")
		if code == "" {
			errs = append(errs, t.Errorf(r, col["iCode"]-1, locale.M("coinr.emptycode")))
			continue
		}
		if first, dup := m.line[code]; dup {
			errs = append(errs, t.Errorf(r, col["iCode"]-1, locale.M("coinr.dupcode", code, first)))
			continue
		}
		m.line[code] = t.Lines[r]
		switch typ := cell(row, "Type"); typ {
		case "Group":
			m.Groups = append(m.Groups, code)
		case "Denominator":
			m.Denoms = append(m.Denoms, code)
		case "Other":
			m.Others = append(m.Others, code)
		case "Indicator", "Aggregate":
			n := engine.Node{Code: code, Name: cell(row, "iName"), Parent: cell(row, "Parent"),
				Denominator: cell(row, "Denominator"), Direction: 1}
			lv, err := strconv.Atoi(cell(row, "Level"))
			if err != nil || lv < 1 || (typ == "Indicator") != (lv == 1) {
				errs = append(errs, t.Errorf(r, col["Level"]-1, locale.M("coinr.level", cell(row, "Level"))))
			}
			n.Level = lv
			if d := cell(row, "Direction"); d != "" || typ == "Indicator" {
				switch d {
				case "1":
				case "-1":
					n.Direction = -1
				default:
					errs = append(errs, t.Errorf(r, col["Direction"]-1, locale.M("coinr.direction", d)))
				}
			}
			n.Weight = t.Number(r, col["Weight"]-1, &errs)
			if math.IsNaN(n.Weight) && cell(row, "Parent") != "" {
				errs = append(errs, t.Errorf(r, col["Weight"]-1, locale.M("table.number", "")))
			} else if n.Weight < 0 {
				errs = append(errs, t.Errorf(r, col["Weight"]-1, locale.M("coinr.weight", cell(row, "Weight"))))
			} else if n.Weight > engine.MaxWeight {
				errs = append(errs, t.Errorf(r, col["Weight"]-1, locale.M("coinr.weightbig", engine.MaxWeight, cell(row, "Weight"))))
			}
			if math.IsNaN(n.Weight) {
				n.Weight = 1 // the top of the hierarchy needs no weight
			}
			n.Target = optional(r, "Target")
			n.GoalLower = optional(r, "goalpost_lower")
			n.GoalUpper = optional(r, "goalpost_upper")
			n.GoalScale = optional(r, "goalpost_scale")
			n.CapMax = optional(r, "dist2targ_cap_max")
			m.Meta.Nodes = append(m.Meta.Nodes, n)
		default:
			errs = append(errs, t.Errorf(r, col["Type"]-1, locale.M("coinr.type", typ)))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	tree, err := engine.NewTree(m.Meta)
	if err != nil {
		return nil, m.locateTree(err)
	}
	m.Tree = tree
	return m, nil
}

// locateTree turns an engine hierarchy error into an error at the iMeta
// cell it concerns.
func (m *Meta) locateTree(err error) error {
	var ee *engine.Error
	if !errors.As(err, &ee) {
		return err
	}
	at := func(code, column string, msg locale.Message) error {
		return &table.Error{File: m.file, Line: m.line[code], Col: m.col[column], Msg: msg}
	}
	switch ee.Kind {
	case engine.ErrUnknownParent:
		return at(ee.Node, "Parent", locale.M("coinr.parent", ee.Detail))
	case engine.ErrCycle:
		return at(ee.Node, "Parent", locale.M("coinr.cycle", ee.Node))
	case engine.ErrZeroWeights:
		// Point at the first child's weight: that is where the fix goes.
		for _, n := range m.Meta.Nodes {
			if n.Parent == ee.Node {
				return at(n.Code, "Weight", locale.M("coinr.zeroweight", ee.Node))
			}
		}
		return at(ee.Node, "iCode", locale.M("coinr.zeroweight", ee.Node))
	case engine.ErrNegativeWeight:
		return at(ee.Node, "Weight", locale.M("coinr.weight", ""))
	case engine.ErrBadLevel:
		return at(ee.Node, "Level", locale.M("coinr.badlevel", ee.Detail))
	case engine.ErrNoIndicators:
		return &table.Error{File: m.file, Line: 1, Msg: locale.M("coinr.nometa")}
	}
	return err
}

// Line returns the iMeta line of node code (0 if unknown).
func (m *Meta) Line(code string) int { return m.line[code] }

// sortPeriods orders period labels numerically when they all are numbers,
// else in order of appearance.
func sortPeriods(ps []string) {
	nums := make(map[string]float64, len(ps))
	for _, p := range ps {
		v, err := strconv.ParseFloat(p, 64)
		if err != nil {
			return
		}
		nums[p] = v
	}
	slices.SortStableFunc(ps, func(a, b string) int {
		switch {
		case nums[a] < nums[b]:
			return -1
		case nums[a] > nums[b]:
			return 1
		}
		return 0
	})
}
