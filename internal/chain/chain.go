package chain

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Segment is where a node sits on its chain.
type Segment string

// The segments, upstream first.
const (
	Upstream   Segment = "上游"
	Midstream  Segment = "中游"
	Downstream Segment = "下游"
)

// Segments lists the segments in order.
var Segments = []Segment{Upstream, Midstream, Downstream}

// Valid reports whether s is one of Segments.
func (s Segment) Valid() bool { return slices.Contains(Segments, s) }

// Node is a link of a chain: a code unique within its chain (N01), its
// name, segment, the GB/T 4754 industry codes whose enterprises it takes
// (prefixes: C33 takes C3311) and the nodes that supply it (Inputs), which
// make the chain a DAG.
type Node struct {
	Code       string
	Name       string
	Segment    Segment
	Industries []string
	Inputs     []string
}

// Rules say when a node is weak in a place (all configurable per chain):
// fewer than MinLocal local enterprises, no project in the pipeline (when
// NeedPipeline), or a reported 本地配套率 below MinSupply (0: not checked).
type Rules struct {
	MinLocal     int
	NeedPipeline bool
	MinSupply    float64
}

// DefaultRules are the rules of a new chain: at least 3 local enterprises,
// a pipeline project, and 30 % of the 链主's purchases supplied locally.
var DefaultRules = Rules{MinLocal: 3, NeedPipeline: true, MinSupply: 0.3}

// Chain is an industrial chain's map (产业链图谱) and its weak-link rules.
type Chain struct {
	Code  string // unique among chains: a project names its node as Code and node code
	Nodes []Node
	Rules Rules
}

// ValidIndustry reports whether s is a GB/T 4754 code or prefix: a section
// letter A–T, then up to four digits (C, C3, C33, C331, C3311). The digits
// come in the standard's steps of 2, 3 and 4; a single digit is refused.
func ValidIndustry(s string) bool {
	if len(s) == 0 || len(s) > 5 || s[0] < 'A' || s[0] > 'T' || len(s) == 2 {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Validate returns every problem of c's map: empty or repeated node codes,
// unknown segments, invalid industry codes, an industry code on two nodes,
// inputs naming no node or the node itself, cycles, and rules out of range.
func (c *Chain) Validate() error {
	var errs []error
	index := map[string]int{}
	owner := map[string]string{}
	for i, n := range c.Nodes {
		switch _, dup := index[n.Code]; {
		case n.Code == "":
			errs = append(errs, fmt.Errorf("node %d: no code", i+1))
		case dup:
			errs = append(errs, fmt.Errorf("node %s: repeated", n.Code))
		default:
			index[n.Code] = i
		}
		if strings.TrimSpace(n.Name) == "" {
			errs = append(errs, fmt.Errorf("node %s: no name", n.Code))
		}
		if !n.Segment.Valid() {
			errs = append(errs, fmt.Errorf("node %s: segment %q is not 上游, 中游 or 下游", n.Code, n.Segment))
		}
		for _, ind := range n.Industries {
			switch o, taken := owner[ind]; {
			case !ValidIndustry(ind):
				errs = append(errs, fmt.Errorf("node %s: %q is not a GB/T 4754 code", n.Code, ind))
			case taken && o != n.Code:
				errs = append(errs, fmt.Errorf("node %s: industry %s is already node %s's", n.Code, ind, o))
			default:
				owner[ind] = n.Code
			}
		}
	}
	for _, n := range c.Nodes {
		for _, in := range n.Inputs {
			if _, ok := index[in]; !ok || in == n.Code {
				errs = append(errs, fmt.Errorf("node %s: input %q is no other node", n.Code, in))
			}
		}
	}
	if len(errs) == 0 {
		if cyc := Cycle(c); cyc != "" {
			errs = append(errs, fmt.Errorf("the inputs go round in a circle through node %s", cyc))
		}
	}
	if c.Rules.MinLocal < 0 || c.Rules.MinSupply < 0 || c.Rules.MinSupply > 1 {
		errs = append(errs, fmt.Errorf("rules: the minimum enterprises must be ≥ 0 and the supply ratio in [0, 1]"))
	}
	return errors.Join(errs...)
}

// Cycle returns a node on a cycle of c's inputs, or "" when there is none.
// The inputs must name nodes of c (Validate checks both).
func Cycle(c *Chain) string {
	index := make(map[string]int, len(c.Nodes))
	for i, n := range c.Nodes {
		index[n.Code] = i
	}
	state := make([]uint8, len(c.Nodes)) // 0 new, 1 on the path, 2 done
	var visit func(i int) string
	visit = func(i int) string {
		state[i] = 1
		for _, in := range c.Nodes[i].Inputs {
			j, ok := index[in]
			if !ok {
				continue
			}
			switch state[j] {
			case 1:
				return in
			case 0:
				if s := visit(j); s != "" {
					return s
				}
			}
		}
		state[i] = 2
		return ""
	}
	for i := range c.Nodes {
		if state[i] == 0 {
			if s := visit(i); s != "" {
				return s
			}
		}
	}
	return ""
}

// Matcher finds the node of an industry code: the node with the longest
// industry prefix of the code. Validate guarantees a prefix belongs to one
// node, so the match is unique; where nodes overlap (C33 on one, C331 on
// another) the more specific one wins: C3311 goes to the C331 node, C3320
// to the C33 node.
type Matcher struct {
	byPrefix map[string]string
}

// NewMatcher returns the matcher of c's nodes.
func NewMatcher(c *Chain) *Matcher {
	m := &Matcher{byPrefix: map[string]string{}}
	for _, n := range c.Nodes {
		for _, ind := range n.Industries {
			m.byPrefix[ind] = n.Code
		}
	}
	return m
}

// Node returns the code of the node that takes industry code ind, or ""
// when none does.
func (m *Matcher) Node(ind string) string {
	for l := min(len(ind), 5); l >= 1; l-- {
		if n, ok := m.byPrefix[ind[:l]]; ok {
			return n
		}
	}
	return ""
}
