package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
)

// SheetInput is what a county's score sheet is built from: the run, the
// unit's own result rows, the run's method outcome (for the type averages,
// the unit's raw figures and its indicators' weights), the analyses of the
// county profile (strengths, explanation, gaps; each may be nil) and the
// unit's objections.
type SheetInput struct {
	Run         store.Run
	Unit        store.Unit
	Prefecture  string // its name
	Rows        []store.Result
	Outcome     *method.Outcome
	Strengths   []engine.Strength
	Explanation *engine.Explanation
	PrevPeriod  string
	GapK        int
	Gaps        []*engine.WhatIfResult
	// Points and Worths are the points gaps and what each movable input is
	// worth (method.PointsGaps, Model.InputWorths); either may be nil.
	Points     []method.PointsGap
	Worths     []method.InputWorth
	Objections []store.ResultObjection
}

// Sheet is a county's score sheet. It holds the county's own figures and
// aggregates of the others (type averages, counts, ranks) and never
// another unit's code, name or figures: it goes to the county alone.
type Sheet struct {
	RunID       int64
	Period      string
	State       auth.RunState
	Hash        string
	Method      string
	Sample      bool
	Code, Name  string
	Prefecture  string
	Types       []string
	Score, Rank float64
	Ranked      int     // units in the overall ranking
	RankChange  float64 // NaN when unknown
	Awards      []string
	Vetoed      bool
	TypeRanks   []TypeRank
	Areas       []AreaScore
	Indicators  []IndicatorScore
	Explain     *Explain
	Gap         *Gap
	Points      []method.PointsGap // to the next place and the awards, in scores only
	Worths      []WorthLine
	Events      []EventLine
	Objections  []store.ResultObjection
}

// TypeRank is the unit's rank in one of its declared types.
type TypeRank struct {
	Type  string
	Rank  float64
	Of    int
	Score float64
}

// AreaScore is the unit's score on an area (in its primary type) against
// the type's average.
type AreaScore struct {
	Code, Name        string
	Score, TypeAvg    float64
	TypeRank          float64
	Of                int
	EffectiveWeightPc float64
}

// IndicatorScore is one indicator of the unit.
type IndicatorScore struct {
	Code, Name, Measure, Area string
	Raw, Score, Rank          float64 // rank among all units
	PeerRank, PeerMean        float64 // within the primary type
	Peers                     int
	WeightPc                  float64
	Contribution              float64 // weight × score: its part of the area and overall scores, in points; NaN when unknown
}

// Explain is why the unit's score changed since the previous run.
type Explain struct {
	PrevPeriod          string
	PrevScore, CurScore float64
	PrevRank, CurRank   float64
	Change              float64
	Rows                []Contribution // by size of the part, largest first
	Other               float64        // weights, renormalisation, deductions and rounding (not per indicator)
}

// Contribution is an indicator's part in the change of the score.
type Contribution struct {
	Name        string
	Prev, Cur   float64
	Own, Others float64
	Rest        float64 // the method's, the weights' and missing values' part
	Total       float64
}

// Gap is what it would take, each indicator on its own, to reach place K.
type Gap struct {
	K       int
	Lines   []GapLine // the smallest relative change first
	Uniform float64   // % rise of all indicators at once; NaN when that cannot do it
	Beyond  []string
}

// GapLine is one indicator's gap.
type GapLine struct {
	Name, Measure string
	From, To      float64
	NewRank       float64
	Percent       float64
}

// BuildSheet builds the score sheet of in.Unit in in.Run.
func BuildSheet(in SheetInput) (*Sheet, error) {
	o := in.Outcome
	if o == nil || o.Method == nil {
		return nil, fmt.Errorf("report: the score sheet of %s needs the run's outcome", in.Unit.Code)
	}
	m := o.Method
	u := slices.IndexFunc(o.Units, func(x method.Unit) bool { return x.Code == in.Unit.Code })
	if u < 0 {
		return nil, fmt.Errorf("report: %s was not evaluated in run %d", in.Unit.Code, in.Run.ID)
	}
	s := &Sheet{RunID: in.Run.ID, Period: in.Run.Period, State: in.Run.State, Hash: in.Run.Hash, Method: m.Title,
		Sample: o.Sample || m.Sample, Code: in.Unit.Code, Name: in.Unit.Name, Prefecture: in.Prefecture,
		Types: o.Units[u].Types, Score: math.NaN(), Rank: math.NaN(), RankChange: math.NaN(), Objections: in.Objections}
	for _, r := range o.Rank {
		if !math.IsNaN(r) {
			s.Ranked++
		}
	}
	names := nodeNames(m)
	root := m.Root()
	primary := ""
	if len(s.Types) > 0 {
		primary = s.Types[0]
	}
	tr := typeResult(o, primary)
	byInd := map[string]engine.Strength{}
	for _, st := range in.Strengths {
		byInd[st.Indicator] = st
	}
	raw := stage(o, engine.StageRaw)
	for _, x := range in.Rows {
		if x.Unit != in.Unit.Code {
			continue // never another unit's row
		}
		switch {
		case x.Level == 1:
			ind := IndicatorScore{Code: x.Node, Name: names[x.Node].name, Measure: names[x.Node].unit, Area: names[areaOf(m, x.Node)].name,
				Score: x.Score, Rank: x.Rank, Raw: math.NaN(), PeerRank: math.NaN(), PeerMean: math.NaN(), WeightPc: math.NaN(),
				Contribution: math.NaN()}
			if st, ok := byInd[x.Node]; ok {
				ind.PeerRank, ind.PeerMean, ind.Peers, ind.WeightPc = st.PeerRank, st.PeerMean, st.Peers, 100*st.Weight
				ind.Contribution = st.Weight * x.Score
			}
			// Among the type's declarers, as the type rank counts them.
			if tr != nil {
				if r, mean, n, ok := tr.PeerStanding(u, x.Node); ok {
					ind.PeerRank, ind.PeerMean, ind.Peers = r, mean, n
				}
			}
			if raw != nil {
				if col := raw.Col(x.Node); col != nil {
					ind.Raw = col[u]
				}
			}
			s.Indicators = append(s.Indicators, ind)
		case x.Node == root && x.Group == "":
			s.Score, s.Rank, s.RankChange, s.Awards, s.Vetoed = x.Score, x.Rank, x.RankChange, x.Awards, x.Vetoed
		case x.Node == root:
			t := TypeRank{Type: x.Group, Rank: x.GroupRank, Score: x.Score}
			if r := typeResult(o, x.Group); r != nil {
				t.Of = len(r.Members)
			}
			s.TypeRanks = append(s.TypeRanks, t)
		case x.Group == primary && parentOf(m, x.Node) == root:
			a := AreaScore{Code: x.Node, Name: names[x.Node].name, Score: x.Score, TypeRank: x.GroupRank, TypeAvg: math.NaN(),
				EffectiveWeightPc: math.NaN()}
			if tr != nil {
				a.TypeAvg, a.Of = engine.Mean(tr.Aggregated.Col(x.Node)), len(tr.Members)
				if w, ok := tr.Weights[x.Node]; ok {
					a.EffectiveWeightPc = 100 * w
				}
			}
			s.Areas = append(s.Areas, a)
		}
	}
	s.Explain = explain(in.Explanation, in.PrevPeriod, names)
	s.Gap = gap(in.GapK, in.Gaps, names)
	s.Points, s.Worths, s.Events = in.Points, sheetWorths(in.Worths, names), sheetEvents(o, in.Unit.Code)
	return s, nil
}

type nameUnit struct{ name, unit string }

func nodeNames(m *method.Method) map[string]nameUnit {
	out := map[string]nameUnit{}
	for _, ind := range m.Indicators {
		out[ind.Code] = nameUnit{cmp.Or(ind.Name, ind.Code), ind.Unit}
	}
	for _, n := range m.Nodes {
		out[n.Code] = nameUnit{cmp.Or(n.Name, n.Code), ""}
	}
	return out
}

func parentOf(m *method.Method, code string) string {
	for _, n := range m.Nodes {
		if n.Code == code {
			return n.Parent
		}
	}
	for _, ind := range m.Indicators {
		if ind.Code == code {
			return ind.Parent
		}
	}
	return ""
}

// areaOf is the area (a child of the top node) an indicator lies under.
func areaOf(m *method.Method, ind string) string {
	root := m.Root()
	code := parentOf(m, ind)
	for i := 0; i < 20 && code != "" && code != root; i++ {
		p := parentOf(m, code)
		if p == root || p == "" {
			return code
		}
		code = p
	}
	return code
}

func typeResult(o *method.Outcome, typ string) *method.TypeResult {
	for i := range o.Types {
		if o.Types[i].Type == typ {
			return &o.Types[i]
		}
	}
	return nil
}

func stage(o *method.Outcome, name string) *engine.Dataset {
	for _, st := range o.Stages {
		if st.Name == name {
			return st.Data
		}
	}
	return nil
}

// explain keeps of e what concerns the unit itself: its scores, ranks and
// each indicator's part in the change — not the units that overtook it.
func explain(e *engine.Explanation, prevPeriod string, names map[string]nameUnit) *Explain {
	if e == nil {
		return nil
	}
	x := &Explain{PrevPeriod: prevPeriod, PrevScore: e.Prev.Score, CurScore: e.Cur.Score, PrevRank: e.Prev.Rank,
		CurRank: e.Cur.Rank, Change: e.Change, Other: e.Weights + e.Renormalised + e.Adjustments}
	for _, c := range e.Indicators {
		x.Rows = append(x.Rows, Contribution{Name: cmp.Or(names[c.Indicator].name, c.Indicator), Prev: c.Prev, Cur: c.Cur,
			Own: c.Own, Others: c.Others, Rest: c.Method + c.Weight + c.Availability, Total: c.Total})
	}
	slices.SortStableFunc(x.Rows, func(a, b Contribution) int { return cmp.Compare(math.Abs(b.Total), math.Abs(a.Total)) })
	return x
}

func gap(k int, gaps []*engine.WhatIfResult, names map[string]nameUnit) *Gap {
	if k == 0 || len(gaps) == 0 {
		return nil
	}
	g := &Gap{K: k, Uniform: math.NaN()}
	for _, w := range gaps {
		col := w.Query.Column
		switch {
		case col == "" && w.Reachable:
			g.Uniform = 100 * w.Rounded
		case col == "":
		case !w.Reachable:
			g.Beyond = append(g.Beyond, cmp.Or(names[col].name, col))
		default:
			l := GapLine{Name: cmp.Or(names[col].name, col), Measure: names[col].unit, From: w.From, To: w.From + w.Rounded,
				NewRank: w.NewRank, Percent: math.NaN()}
			if w.From != 0 {
				l.Percent = 100 * math.Abs(w.Rounded/w.From)
			}
			g.Lines = append(g.Lines, l)
		}
	}
	slices.SortStableFunc(g.Lines, func(a, b GapLine) int { return cmp.Compare(orInf(a.Percent), orInf(b.Percent)) })
	return g
}

func orInf(v float64) float64 {
	if math.IsNaN(v) {
		return math.Inf(1)
	}
	return v
}
