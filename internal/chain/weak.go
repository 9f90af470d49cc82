package chain

import (
	"math"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// Enterprise is a local enterprise as the zone enterprise lists give it:
// its code, name, GB/T 4754 industry, county (or prefecture-level place)
// and output in 万元 (NaN: not reported, adds nothing).
type Enterprise struct {
	USCC     string
	Name     string
	Industry string
	County   string
	Output   float64
}

// Project is a ledger project as the weak-link rules read it: its place,
// industry, explicit chain and node (which win over the industry when set)
// and current stage.
type Project struct {
	ID       string
	County   string
	Industry string
	Chain    string // the explicit chain's code, "" when the industry decides
	Node     string // the explicit node's code in Chain
	Stage    invest.Stage
}

// InPipeline reports whether p is in its node's pipeline: at 洽谈, 签约,
// 注册 or 开工 (a terminated or finished project is not).
func (p *Project) InPipeline() bool {
	switch p.Stage {
	case invest.StageTalks, invest.StageSigned, invest.StageRegistered, invest.StageStarted:
		return true
	}
	return false
}

// Supply is a reported 本地配套率 of a node in a place: the share of the
// 链主's purchases of the node's goods supplied from inside the place.
type Supply struct {
	Node  string
	Place string
	Ratio float64
}

// Reason is why a node is weak.
type Reason string

// The reasons, in the order the rules are checked.
const (
	ReasonFewLocal   Reason = "few_local"   // fewer than Rules.MinLocal local enterprises
	ReasonNoPipeline Reason = "no_pipeline" // no project in the pipeline
	ReasonLowSupply  Reason = "low_supply"  // 本地配套率 below Rules.MinSupply
)

// Stat is a node's figures in a place.
type Stat struct {
	Node        string
	Enterprises int
	Output      float64 // 万元
	Pipeline    []string
	Supply      float64 // the reported 本地配套率, when HasSupply
	HasSupply   bool
	Reasons     []Reason // empty: not weak
}

// Weak reports whether the node is a weak link (薄弱环节) in the place.
func (s *Stat) Weak() bool { return len(s.Reasons) > 0 }

// Within reports whether county lies in place: the province (620000) holds
// every code of its first two digits, a prefecture (xxxx00) the codes of
// its first four, a county itself only.
func Within(county, place string) bool {
	switch {
	case len(place) != 6 || len(county) != 6:
		return false
	case strings.HasSuffix(place, "0000"):
		return county[:2] == place[:2]
	case strings.HasSuffix(place, "00"):
		return county[:4] == place[:4]
	}
	return county == place
}

// Assess returns the figures of every node of c in place, in the order of
// c.Nodes: the enterprises whose industry falls into the node (Matcher)
// and whose county lies in place, their output, the projects on the node
// in the pipeline (a project's explicit node wins over its industry), the
// supply ratio reported for the node and place, and the reasons for which
// the node is weak by c.Rules.
func Assess(c *Chain, place string, es []Enterprise, ps []Project, supply []Supply) []Stat {
	m := NewMatcher(c)
	index := make(map[string]int, len(c.Nodes))
	stats := make([]Stat, len(c.Nodes))
	for i, n := range c.Nodes {
		index[n.Code] = i
		stats[i].Node = n.Code
	}
	for i := range es {
		e := &es[i]
		if !Within(e.County, place) {
			continue
		}
		if j, ok := index[m.Node(Normalize(e.Industry))]; ok {
			stats[j].Enterprises++
			if !math.IsNaN(e.Output) { // not reported
				stats[j].Output += e.Output
			}
		}
	}
	for i := range ps {
		p := &ps[i]
		if !p.InPipeline() || !Within(p.County, place) {
			continue
		}
		if j, ok := index[NodeOf(c, m, p)]; ok {
			stats[j].Pipeline = append(stats[j].Pipeline, p.ID)
		}
	}
	for _, s := range supply {
		if j, ok := index[s.Node]; ok && s.Place == place {
			stats[j].Supply, stats[j].HasSupply = s.Ratio, true
		}
	}
	for i := range stats {
		s := &stats[i]
		slices.Sort(s.Pipeline)
		if s.Enterprises < c.Rules.MinLocal {
			s.Reasons = append(s.Reasons, ReasonFewLocal)
		}
		if c.Rules.NeedPipeline && len(s.Pipeline) == 0 {
			s.Reasons = append(s.Reasons, ReasonNoPipeline)
		}
		if c.Rules.MinSupply > 0 && s.HasSupply && s.Supply < c.Rules.MinSupply {
			s.Reasons = append(s.Reasons, ReasonLowSupply)
		}
	}
	return stats
}

// NodeOf returns the code of the node a project falls on in c (m is c's
// Matcher): with an explicit chain, its node when the chain is c and ""
// otherwise (a project placed on another chain is not this one's); else
// the node of its industry, or "".
func NodeOf(c *Chain, m *Matcher, p *Project) string {
	if p.Chain != "" {
		if p.Chain == c.Code {
			return p.Node
		}
		return ""
	}
	return m.Node(Normalize(p.Industry))
}
