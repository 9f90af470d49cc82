// Package chainio reads and writes a chain's map (产业链图谱) as two
// tables, the sheets of a workbook: 产业链 (one row: the chain's code,
// name, 链长 post, lead department and weak-link rules) and 节点 (one row a
// node). Problems are reported at their cells (FILE:SHEET!B7), all of them
// at once, and nothing is returned when there is any.
package chainio

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// The sheets and their columns.
const (
	SheetChain = "产业链"
	SheetNodes = "节点"

	ColCode       = "链代码"
	ColName       = "链名称"
	ColLeader     = "链长职务"
	ColDept       = "牵头部门"
	ColMinLocal   = "最少本地企业数"
	ColPipeline   = "须有在谈项目"
	ColMinSupply  = "本地配套率下限"
	ColNode       = "节点代码"
	ColNodeName   = "节点名称"
	ColSegment    = "环节"
	ColIndustries = "行业代码"
	ColInputs     = "上游节点"
)

// ChainColumns and NodeColumns are the sheets' columns, all required.
var (
	ChainColumns = []string{ColCode, ColName, ColLeader, ColDept, ColMinLocal, ColPipeline, ColMinSupply}
	NodeColumns  = []string{ColNode, ColNodeName, ColSegment, ColIndustries, ColInputs}
)

func init() {
	locale.Register(map[string][2]string{
		"chainio.rows":     {"应恰有一行数据，实际 %d 行", "must have exactly one data row, found %d"},
		"chainio.empty":    {"不能为空", "must not be empty"},
		"chainio.code":     {"链代码 %q 不能含“/”、逗号或空格", "the chain code %q must not contain '/', commas or spaces"},
		"chainio.int":      {"应为不小于 0 的整数，实际为 %q", "must be a whole number ≥ 0, found %q"},
		"chainio.flag":     {"应为 是/否，实际为 %q", "must be 是 or 否, found %q"},
		"chainio.ratio":    {"应为 0 到 1 之间的小数（30%% 写作 0.3），实际为 %q", "must be a fraction between 0 and 1 (30%% is 0.3), found %q"},
		"chainio.dupnode":  {"节点代码 %q 重复（第 %d 行已有）", "node code %q appears twice (already on line %d)"},
		"chainio.segment":  {"环节应为 上游、中游 或 下游，实际为 %q", "the segment must be 上游, 中游 or 下游, found %q"},
		"chainio.industry": {"%q 不是 GB/T 4754 行业代码（门类字母加 2–4 位数字，如 C33）", "%q is not a GB/T 4754 code (a section letter and 2 to 4 digits, e.g. C33)"},
		"chainio.taken":    {"行业代码 %s 已属于节点 %s", "industry code %s already belongs to node %s"},
		"chainio.input":    {"上游节点 %q 不是本链的其他节点", "input %q is no other node of the chain"},
		"chainio.cycle":    {"上游关系形成循环（经过节点 %s）", "the inputs go round in a circle (through node %s)"},
		"chainio.nonodes":  {"没有节点", "no nodes"},
	})
}

// Meta is what the 产业链 sheet gives besides the rules.
type Meta struct {
	Code, Name, LeaderPost, LeadDept string
}

// splitCodes reads a list of codes separated by commas, 、 or spaces.
func splitCodes(s string) []string {
	out := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ' ' || r == ';' })
	if len(out) == 0 {
		return nil
	}
	return out
}

// Read reads a chain's map from its two sheets.
func Read(ct, nt *table.Table) (Meta, *chain.Chain, error) {
	var errs table.Errors
	col := func(t *table.Table, names []string) map[string]int {
		m := map[string]int{}
		for _, n := range names {
			if m[n] = t.Col(n); m[n] < 0 {
				errs = append(errs, t.MissingColumn(n))
			}
		}
		return m
	}
	cc, nc := col(ct, ChainColumns), col(nt, NodeColumns)
	if len(errs) > 0 {
		return Meta{}, nil, errs
	}
	fail := func(t *table.Table, row, c int, key string, args ...any) {
		errs = append(errs, t.Errorf(row, c, locale.M(key, args...)))
	}
	var m Meta
	c := &chain.Chain{}
	if len(ct.Rows) != 1 {
		errs = append(errs, &table.Error{File: ct.File, Sheet: ct.Sheet, Line: 1, Msg: locale.M("chainio.rows", len(ct.Rows))})
	} else {
		cell := func(name string) string { return strings.TrimSpace(ct.Rows[0][cc[name]]) }
		m = Meta{Code: cell(ColCode), Name: cell(ColName), LeaderPost: cell(ColLeader), LeadDept: cell(ColDept)}
		switch {
		case m.Code == "":
			fail(ct, 0, cc[ColCode], "chainio.empty")
		case strings.ContainsAny(m.Code, "/, "):
			fail(ct, 0, cc[ColCode], "chainio.code", m.Code)
		}
		if m.Name == "" {
			fail(ct, 0, cc[ColName], "chainio.empty")
		}
		c.Code = m.Code
		if n, err := strconv.Atoi(cell(ColMinLocal)); err != nil || n < 0 {
			fail(ct, 0, cc[ColMinLocal], "chainio.int", cell(ColMinLocal))
		} else {
			c.Rules.MinLocal = n
		}
		switch s := cell(ColPipeline); s {
		case "是":
			c.Rules.NeedPipeline = true
		case "否":
		default:
			fail(ct, 0, cc[ColPipeline], "chainio.flag", s)
		}
		if s := cell(ColMinSupply); s != "" {
			v, ok := table.ParseNumber(s)
			if !ok || v < 0 || v > 1 {
				fail(ct, 0, cc[ColMinSupply], "chainio.ratio", s)
			}
			c.Rules.MinSupply = v
		}
	}
	seen := map[string]int{}
	owner := map[string]string{}
	for i, row := range nt.Rows {
		cell := func(name string) string { return strings.TrimSpace(row[nc[name]]) }
		n := chain.Node{Code: cell(ColNode), Name: cell(ColNodeName), Segment: chain.Segment(cell(ColSegment))}
		switch j, dup := seen[n.Code]; {
		case n.Code == "":
			fail(nt, i, nc[ColNode], "chainio.empty")
		case dup:
			fail(nt, i, nc[ColNode], "chainio.dupnode", n.Code, nt.Lines[j])
		default:
			seen[n.Code] = i
		}
		if n.Name == "" {
			fail(nt, i, nc[ColNodeName], "chainio.empty")
		}
		if !n.Segment.Valid() {
			fail(nt, i, nc[ColSegment], "chainio.segment", string(n.Segment))
		}
		for _, ind := range splitCodes(strings.ToUpper(cell(ColIndustries))) {
			switch o, taken := owner[ind]; {
			case !chain.ValidIndustry(ind):
				fail(nt, i, nc[ColIndustries], "chainio.industry", ind)
			case taken && o != n.Code:
				fail(nt, i, nc[ColIndustries], "chainio.taken", ind, o)
			default:
				owner[ind] = n.Code
				n.Industries = append(n.Industries, ind)
			}
		}
		n.Inputs = splitCodes(cell(ColInputs))
		c.Nodes = append(c.Nodes, n)
	}
	if len(nt.Rows) == 0 {
		errs = append(errs, &table.Error{File: nt.File, Sheet: nt.Sheet, Line: 1, Msg: locale.M("chainio.nonodes")})
	}
	for i, n := range c.Nodes {
		for _, in := range n.Inputs {
			if _, ok := seen[in]; !ok || in == n.Code {
				fail(nt, i, nc[ColInputs], "chainio.input", in)
			}
		}
	}
	if len(errs) == 0 {
		if cyc := chain.Cycle(c); cyc != "" {
			fail(nt, seen[cyc], nc[ColInputs], "chainio.cycle", cyc)
		}
	}
	if len(errs) > 0 {
		return Meta{}, nil, sorted(errs)
	}
	return m, c, nil
}

// sorted orders errs by sheet (产业链 first), line and column.
func sorted(errs table.Errors) table.Errors {
	other := func(e *table.Error) int {
		if e.Sheet == SheetChain {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(errs, func(a, b *table.Error) int {
		return cmp.Or(cmp.Compare(other(a), other(b)), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return errs
}

// Rows returns the two sheets' rows (header first) of a chain's map, in
// the shape Read reads.
func Rows(m Meta, c *chain.Chain) (chainRows, nodeRows [][]any) {
	flag := "否"
	if c.Rules.NeedPipeline {
		flag = "是"
	}
	chainRows = [][]any{toAny(ChainColumns), {m.Code, m.Name, m.LeaderPost, m.LeadDept, c.Rules.MinLocal, flag, c.Rules.MinSupply}}
	nodeRows = [][]any{toAny(NodeColumns)}
	for _, n := range c.Nodes {
		nodeRows = append(nodeRows, []any{n.Code, n.Name, string(n.Segment), strings.Join(n.Industries, ","), strings.Join(n.Inputs, ",")})
	}
	return chainRows, nodeRows
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
