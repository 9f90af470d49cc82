package method

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// hierarchy checks the tree of nodes and scored indicators: one top node,
// known parents, no cycle, no empty node, indicators all at the same depth
// (the engine aggregates level by level), weights for every type and not
// all zero under any node.
func (c *checker) hierarchy() {
	m := c.m
	nodes := map[string]int{}
	for i, n := range m.Nodes {
		nodes[n.Code] = i
	}
	roots := 0
	for _, n := range m.Nodes {
		if n.Parent == "" {
			roots++
			continue
		}
		if _, ok := nodes[n.Parent]; !ok {
			if m.indicator(n.Parent) != nil {
				c.fail(n.path+".parent", locale.M("method.parentind", n.Parent))
			} else {
				c.fail(n.path+".parent", locale.M("method.unknownnode", n.Parent))
			}
		}
		c.childWeights(n.Parent, n.path, n.Weight, n.Weights)
	}
	if roots != 1 {
		c.fail("node", locale.M("method.noroot", roots))
	}
	for _, n := range m.Nodes {
		seen := map[string]bool{n.Code: true}
		for p := n.Parent; p != ""; {
			i, ok := nodes[p]
			if !ok {
				break
			}
			if seen[p] {
				c.fail(n.path+".parent", locale.M("method.cycle", n.Code))
				return // levels are meaningless with a cycle
			}
			seen[p] = true
			p = m.Nodes[i].Parent
		}
	}
	if len(m.scored()) == 0 {
		c.fail("indicator", locale.M("method.noscored"))
		return
	}
	if len(c.errs) > 0 {
		return
	}
	levels, bad := m.levels()
	for _, code := range bad {
		c.fail(m.Nodes[nodes[code]].path, locale.M("method.depth", code))
	}
	for _, n := range m.Nodes {
		if levels[n.Code] == 0 {
			c.fail(n.path, locale.M("method.leafnode", n.Code))
		}
	}
	for _, t := range m.Types {
		for _, n := range m.Nodes {
			if n.WeightsFrom != nil {
				continue // derived weights are positive
			}
			sum, kids := 0.0, 0
			for _, k := range m.children(n.Code) {
				sum += m.weightOf(k, t.Name)
				kids++
			}
			if kids > 0 && sum == 0 {
				c.fail(n.path, locale.M("method.zeroweights", t.Name, n.Code))
			}
		}
	}
}

// scored returns the indicators that are scored (have a parent), in order.
func (m *Method) scored() []*Indicator {
	var out []*Indicator
	for i := range m.Indicators {
		if m.Indicators[i].Parent != "" {
			out = append(out, &m.Indicators[i])
		}
	}
	return out
}

// indicator returns the catalogue entry code, or nil.
func (m *Method) indicator(code string) *Indicator {
	for i := range m.Indicators {
		if m.Indicators[i].Code == code {
			return &m.Indicators[i]
		}
	}
	return nil
}

// children returns the codes of the scored indicators and nodes whose
// parent is code.
func (m *Method) children(code string) []string {
	var out []string
	for _, ind := range m.Indicators {
		if ind.Parent == code {
			out = append(out, ind.Code)
		}
	}
	for _, n := range m.Nodes {
		if n.Parent == code {
			out = append(out, n.Code)
		}
	}
	return out
}

// weightOf returns the weight of a node or indicator under type typ.
func (m *Method) weightOf(code, typ string) float64 {
	w, ws := math.NaN(), map[string]float64(nil)
	if ind := m.indicator(code); ind != nil {
		w, ws = ind.Weight, ind.Weights
	}
	for _, n := range m.Nodes {
		if n.Code == code {
			w, ws = n.Weight, n.Weights
		}
	}
	if v, ok := ws[typ]; ok {
		return v
	}
	if math.IsNaN(w) {
		return 0
	}
	return w
}

// levels returns every node's level (1 = indicators, 0 = a node with
// nothing below it) and the nodes whose children sit at different levels.
func (m *Method) levels() (map[string]int, []string) {
	lv := map[string]int{}
	var bad []string
	var level func(code string) int
	level = func(code string) int {
		if l, ok := lv[code]; ok {
			return l
		}
		if ind := m.indicator(code); ind != nil {
			return 1
		}
		l := 0
		for _, k := range m.children(code) {
			kl := level(k)
			if l != 0 && kl+1 != l {
				bad = append(bad, code)
			}
			l = max(l, kl+1)
		}
		lv[code] = l
		return l
	}
	for _, n := range m.Nodes {
		level(n.Code)
	}
	return lv, bad
}

// Root returns the code of the top node.
func (m *Method) Root() string {
	for _, n := range m.Nodes {
		if n.Parent == "" {
			return n.Code
		}
	}
	return ""
}

// Tree returns the hierarchy with the weights of type typ, ready for
// engine.Aggregate: the scored indicators (Level 1, Direction 1, since
// scores already point the right way) and the nodes at their levels. The
// children of a node with AHP weights get its priorities; those of a node
// weighted by the data get equal placeholder weights, which Run replaces
// (TypeResult.Sources and Weights record the weights used).
func (m *Method) Tree(typ string) (*engine.Tree, error) {
	levels, _ := m.levels()
	var meta engine.Meta
	for _, ind := range m.scored() {
		meta.Nodes = append(meta.Nodes, engine.Node{Code: ind.Code, Name: ind.Name, Level: 1, Direction: 1,
			Weight: m.weightOf(ind.Code, typ), Parent: ind.Parent, Target: math.NaN(), GoalLower: math.NaN(),
			GoalUpper: math.NaN(), GoalScale: math.NaN(), CapMax: math.NaN()})
	}
	for _, n := range m.Nodes {
		w := m.weightOf(n.Code, typ)
		if n.Parent == "" {
			w = 1
		}
		meta.Nodes = append(meta.Nodes, engine.Node{Code: n.Code, Name: n.Name, Level: levels[n.Code],
			Weight: w, Parent: n.Parent, Target: math.NaN(), GoalLower: math.NaN(), GoalUpper: math.NaN(),
			GoalScale: math.NaN(), CapMax: math.NaN()})
	}
	if err := m.deriveStatic(&meta, typ); err != nil {
		return nil, err
	}
	return engine.NewTree(meta)
}

// divisionKinds are the kinds of county-level division told apart by the
// last two digits of the code (GB/T 2260): 01–20 市辖区, 21–80 县 (including
// autonomous counties), 81–99 县级市.
var divisionKinds = []string{"市辖区", "县", "县级市"}

// DivisionKind returns the kind of a 6-digit division code, or "".
func DivisionKind(code string) string {
	if len(code) != 6 {
		return ""
	}
	n, err := strconv.Atoi(code[4:])
	switch {
	case err != nil || n == 0:
		return ""
	case n <= 20:
		return "市辖区"
	case n <= 80:
		return "县"
	}
	return "县级市"
}

// treatSpec parses the pipeline's treat value; nil for none.
func treatSpec(s string) (*engine.TreatSpec, error) {
	switch {
	case s == "none" || s == "":
		return nil, nil
	case s == "default":
		return &engine.TreatSpec{WinMax: 5}, nil
	case strings.HasPrefix(s, "winmax:"):
		n, err := strconv.Atoi(strings.TrimPrefix(s, "winmax:"))
		if err != nil || n < 0 {
			return nil, fmt.Errorf("bad winmax %q", s)
		}
		return &engine.TreatSpec{WinMax: n}, nil
	}
	return nil, fmt.Errorf("unknown treatment %q", s)
}

// aggSpec parses the pipeline's aggregate value.
func aggSpec(s string) (engine.AggSpec, error) {
	switch s {
	case "amean", "gmean", "hmean":
		return engine.AggSpec{Method: s}, nil
	}
	if p, ok := strings.CutPrefix(s, "genmean:"); ok {
		v, err := strconv.ParseFloat(p, 64)
		if err == nil && v != 0 && !math.IsInf(v, 0) && !math.IsNaN(v) {
			return engine.AggSpec{Method: "genmean", P: v}, nil
		}
	}
	return engine.AggSpec{}, fmt.Errorf("unknown aggregation %q", s)
}
