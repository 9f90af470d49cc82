package engine

import (
	"fmt"
	"math"
)

// Node is one element of the indicator hierarchy: an indicator (Level 1) or
// an aggregate (Level ≥ 2), as in a row of COINr's iMeta.
type Node struct {
	Code        string
	Name        string
	Level       int
	Direction   float64 // 1 or -1; indicators only
	Weight      float64 // weight within its parent
	Parent      string  // "" for the top
	Denominator string  // column that divides it in Denominate; "" for none
	Target      float64 // NaN when absent (dist2targ)
	GoalLower   float64 // goalposts; NaN when absent
	GoalUpper   float64
	GoalScale   float64
	CapMax      float64 // dist2targ_cap_max; NaN when absent
}

// Meta is the indicator hierarchy: indicators and aggregates in input order.
type Meta struct {
	Nodes []Node
}

// Tree is a validated hierarchy, ready for aggregation.
type Tree struct {
	Nodes      []Node
	Indicators []int   // indices into Nodes of the Level-1 nodes, input order
	Levels     [][]int // Levels[l] = indices of nodes at level l+2, input order
	Children   [][]int // Children[i] = indices of the children of node i
	index      map[string]int
}

// NewTree validates m and returns its tree: unique codes, known parents, no
// cycles, levels one above the children, non-negative weights with at least
// one positive weight under every aggregate, at least one indicator.
func NewTree(m Meta) (*Tree, error) {
	// The tree keeps its own copy: changing m afterwards must not change it.
	t := &Tree{Nodes: append([]Node(nil), m.Nodes...), index: make(map[string]int, len(m.Nodes))}
	for i, n := range m.Nodes {
		if _, dup := t.index[n.Code]; dup {
			return nil, &Error{Kind: ErrDuplicateNode, Node: n.Code}
		}
		t.index[n.Code] = i
		if n.Weight < 0 || math.IsNaN(n.Weight) {
			return nil, &Error{Kind: ErrNegativeWeight, Node: n.Code}
		}
	}
	t.Children = make([][]int, len(m.Nodes))
	for i, n := range m.Nodes {
		if n.Parent == "" {
			continue
		}
		p, ok := t.index[n.Parent]
		if !ok {
			return nil, &Error{Kind: ErrUnknownParent, Node: n.Code, Detail: n.Parent}
		}
		t.Children[p] = append(t.Children[p], i)
	}
	// Cycles: follow parents from every node; a path longer than the number
	// of nodes repeats a node.
	for i := range m.Nodes {
		j, steps := i, 0
		for m.Nodes[j].Parent != "" {
			j = t.index[m.Nodes[j].Parent]
			steps++
			if steps > len(m.Nodes) || j == i {
				return nil, &Error{Kind: ErrCycle, Node: m.Nodes[i].Code}
			}
		}
	}
	maxLevel := 1
	for i, n := range m.Nodes {
		if n.Level == 1 {
			if len(t.Children[i]) > 0 {
				return nil, &Error{Kind: ErrBadLevel, Node: n.Code, Detail: "level 1 has children"}
			}
			t.Indicators = append(t.Indicators, i)
			continue
		}
		if n.Level < 1 {
			return nil, &Error{Kind: ErrBadLevel, Node: n.Code, Detail: fmt.Sprint(n.Level)}
		}
		if n.Level > maxLevel {
			maxLevel = n.Level
		}
		sum := 0.0
		for _, c := range t.Children[i] {
			if m.Nodes[c].Level != n.Level-1 {
				return nil, &Error{Kind: ErrBadLevel, Node: m.Nodes[c].Code, Detail: fmt.Sprintf("level %d under %s at level %d", m.Nodes[c].Level, n.Code, n.Level)}
			}
			sum += m.Nodes[c].Weight
		}
		if len(t.Children[i]) > 0 && sum == 0 {
			return nil, &Error{Kind: ErrZeroWeights, Node: n.Code}
		}
	}
	if len(t.Indicators) == 0 {
		return nil, &Error{Kind: ErrNoIndicators}
	}
	t.Levels = make([][]int, maxLevel-1)
	for i, n := range m.Nodes {
		if n.Level >= 2 {
			t.Levels[n.Level-2] = append(t.Levels[n.Level-2], i)
		}
	}
	return t, nil
}

// Index returns the index of node code in t.Nodes, or -1.
func (t *Tree) Index(code string) int {
	if i, ok := t.index[code]; ok {
		return i
	}
	return -1
}

// Node returns the node with the given code and whether it exists.
func (t *Tree) Node(code string) (Node, bool) {
	i, ok := t.index[code]
	if !ok {
		return Node{}, false
	}
	return t.Nodes[i], true
}

// IndicatorCodes returns the codes of the indicators in input order.
func (t *Tree) IndicatorCodes() []string {
	out := make([]string, len(t.Indicators))
	for k, i := range t.Indicators {
		out[k] = t.Nodes[i].Code
	}
	return out
}

// MaxLevel returns the highest level of the hierarchy (1 if there are only
// indicators).
func (t *Tree) MaxLevel() int { return len(t.Levels) + 1 }

// EffectiveWeights returns each node's weight relative to the top: the
// product of its normalised weights (weight ÷ sum of its siblings' weights)
// down the tree. Nodes with no parent get 1.
func (t *Tree) EffectiveWeights() map[string]float64 {
	out := make(map[string]float64, len(t.Nodes))
	var walk func(i int, w float64)
	walk = func(i int, w float64) {
		out[t.Nodes[i].Code] = w
		sum := 0.0
		for _, c := range t.Children[i] {
			sum += t.Nodes[c].Weight
		}
		for _, c := range t.Children[i] {
			walk(c, w*t.Nodes[c].Weight/sum)
		}
	}
	for i, n := range t.Nodes {
		if n.Parent == "" {
			walk(i, 1)
		}
	}
	return out
}
