package web

import (
	"cmp"
	"context"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
)

// countyAnalysis is what the profile computes for one unit of one run:
// the explanation of its change since the previous run, its strengths and
// the gaps to a better place. Cached per run and unit (see maxMemo).
type countyAnalysis struct {
	explain   *engine.Explanation // nil without a previous run
	strengths []engine.Strength
	gapK      int // the place the gaps aim at; 0 for a unit already first
	gaps      []*engine.WhatIfResult
	points    []method.PointsGap  // to the next place and the awards
	worths    []method.InputWorth // what each movable input is worth
}

// unitKey names a unit of a run.
type unitKey struct {
	run  int64
	unit string
}

// countyAnalysis computes (once) the analysis of unit in run id.
func (s *Server) countyAnalysis(ctx context.Context, id int64, unit string) (*countyAnalysis, error) {
	return s.caches.analyses.get(ctx, unitKey{id, unit}, func() (*countyAnalysis, error) {
		cur, err := s.runModel(ctx, id)
		if err != nil {
			return nil, err
		}
		a := &countyAnalysis{}
		if a.strengths, err = engine.Strengths(cur.scores, unit); err != nil {
			return nil, err
		}
		if prevID := cur.in.Params.PreviousRun; prevID != 0 {
			prev, err := s.runModel(ctx, prevID)
			if err != nil {
				return nil, err
			}
			if prev.unitIndex(unit) >= 0 {
				if a.explain, err = engine.Explain(prev.model, prev.data, cur.model, cur.data, unit); err != nil {
					return nil, err
				}
			}
		}
		if cur.unitIndex(unit) < 0 {
			return a, nil
		}
		if err := a.computeGaps(cur, unit); err != nil {
			return nil, err
		}
		a.points = method.PointsGaps(cur.outcome, unit)
		a.worths, err = cur.model.InputWorths(cur.data, unit, cur.in.Method.WorthStep)
		return a, err
	})
}

// gapTolerance is the precision of the gaps' bisections, relative to the
// gap. The pages and score sheets show a gap to 3 significant digits
// (Rounded: the nearest 3-digit value if a run confirms it reaches the
// place, else the next one up). Two neighbouring 3-digit values lie at
// least 1e-3 of the value apart, so a search closer than half that,
// 5e-4, can never make the nearest 3-digit value overshoot the smallest
// one that works; 2e-4 keeps a margin. The guided search closes a
// bracket this narrow in about eight runs of the method a gap.
const gapTolerance = 2e-4

// computeGaps finds — outside the top 10 for the top 10, inside it for
// the next place up — for every input the unit could improve and for a
// uniform rise of all of them, the smallest change that lifts it to place
// gapK, in parallel (each is a bisection of some fifty runs of the method).
func (a *countyAnalysis) computeGaps(rm *runModel, unit string) error {
	k := slices.Index(rm.scores.Units, unit)
	rank := rm.scores.Rank[k]
	switch {
	case math.IsNaN(rank) || rank <= 1:
		return nil
	case rank > 10:
		a.gapK = 10
	default:
		a.gapK = int(math.Ceil(rank)) - 1
	}
	cols := []string{""}
	for _, c := range rm.data.Raw.Cols {
		if rm.model.Direction(c) != 0 {
			cols = append(cols, c)
		}
	}
	a.gaps = make([]*engine.WhatIfResult, len(cols))
	errs := make([]error, len(cols))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				a.gaps[i], errs[i] = engine.WhatIf(rm.model, rm.data, engine.WhatIfQuery{Unit: unit, Column: cols[i], TopK: a.gapK,
					Tolerance: gapTolerance, Base: rm.scores})
			}
		})
	}
	for i := range cols {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// explainView is the explanation of a unit's change between two runs.
type explainView struct {
	PrevRun             int64
	PrevPeriod          string
	Prev, Cur           engine.Standing
	Change, Sum         float64
	ChangeExact         string // Change in full precision, for checks
	Rows                []contribRow
	Extra               []contribRow // weights, renormalisation, deductions and rounding
	ShowMethod          bool
	Overtook, Overtaken []pairView
	ShowPairs           bool     // the caller may read the whole table
	Sentences           []string // the largest contributions in words (whySentences)
}

// contribRow is one indicator's part in the change.
type contribRow struct {
	Code, Name                string
	Prev, Cur                 float64
	Own, Others, Method, Rest float64
	Total                     float64
	TotalExact                string
}

// pairView is a unit that overtook (or was overtaken by) the county.
type pairView struct {
	Code, Name        string
	PrevRank, CurRank float64
	GapPrev, GapCur   float64
	Drivers           []driverView
}

// driverView is an indicator's part in the change of a gap.
type driverView struct {
	Name string
	Gap  float64
}

func exact(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// newExplainView lays out e with names (extra rows labelled by labels).
func newExplainView(e *engine.Explanation, names map[string]nameUnit, unitNames map[string]string, labels [3]string) *explainView {
	v := &explainView{Prev: e.Prev, Cur: e.Cur, Change: e.Change, Sum: e.Sum(), ChangeExact: exact(e.Change)}
	for _, c := range e.Indicators {
		row := contribRow{Code: c.Indicator, Name: names[c.Indicator].Name, Prev: c.Prev, Cur: c.Cur, Own: c.Own,
			Others: c.Others, Method: c.Method, Rest: c.Weight + c.Availability, Total: c.Total, TotalExact: exact(c.Total)}
		if row.Name == "" {
			row.Name = c.Indicator
		}
		v.ShowMethod = v.ShowMethod || c.Method != 0
		v.Rows = append(v.Rows, row)
	}
	slices.SortStableFunc(v.Rows, func(a, b contribRow) int { return cmp.Compare(math.Abs(b.Total), math.Abs(a.Total)) })
	for i, x := range []float64{e.Weights, e.Renormalised, e.Adjustments} {
		if x != 0 {
			v.Extra = append(v.Extra, contribRow{Name: labels[i], Total: x, TotalExact: exact(x),
				Prev: math.NaN(), Cur: math.NaN(), Own: math.NaN(), Others: math.NaN(), Method: math.NaN(), Rest: math.NaN()})
		}
	}
	pair := func(p engine.Pair) pairView {
		pv := pairView{Code: p.Unit, Name: unitNames[p.Unit], PrevRank: p.Prev.Rank, CurRank: p.Cur.Rank,
			GapPrev: p.GapPrev, GapCur: p.GapCur}
		for _, d := range p.Drivers {
			if len(pv.Drivers) == 3 {
				break
			}
			pv.Drivers = append(pv.Drivers, driverView{Name: names[d.Indicator].Name, Gap: d.Gap})
		}
		return pv
	}
	for _, p := range e.Overtook {
		v.Overtook = append(v.Overtook, pair(p))
	}
	for _, p := range e.OvertakenBy {
		v.Overtaken = append(v.Overtaken, pair(p))
	}
	return v
}

// gapView is what it would take to reach place K.
type gapView struct {
	K       int
	Rank    float64
	Uniform *gapLine
	Lines   []gapLine // reachable, the smallest relative change first
	Beyond  []string  // inputs that alone cannot lift the unit there
	// BeyondText lists Beyond for the page.
	BeyondText string
}

// gapLine is one input's gap: from its value to the value that reaches K.
type gapLine struct {
	Code, Name, Measure string
	From, To, Delta     float64
	Percent             float64 // Delta relative to |From|, in %
	NewRank             float64
	Up                  bool   // a rise (else a fall: an indicator where less is better)
	Word                string // 增加 or 减少
	FromText, ToText    string // the values as people write them
	DeltaText           string // |Delta|
}

// newGapView lays out the gaps of a.
func newGapView(a *countyAnalysis, names map[string]nameUnit, lang locale.Lang) *gapView {
	if a.gapK == 0 || len(a.gaps) == 0 {
		return nil
	}
	v := &gapView{K: a.gapK, Rank: a.gaps[0].Rank}
	for _, g := range a.gaps {
		col := g.Query.Column
		if col == "" {
			if g.Reachable {
				v.Uniform = &gapLine{Percent: 100 * g.Rounded, NewRank: g.NewRank, Delta: g.Rounded,
					DeltaText: plainNum(100 * g.Rounded)}
			}
			continue
		}
		nu := names[col]
		if nu.Name == "" {
			nu.Name = col
		}
		if !g.Reachable {
			v.Beyond = append(v.Beyond, nu.Name)
			continue
		}
		l := gapLine{Code: col, Name: nu.Name, Measure: nu.Unit, From: g.From, Delta: g.Rounded, To: g.From + g.Rounded,
			NewRank: g.NewRank, Percent: math.NaN()}
		if g.From != 0 {
			l.Percent = 100 * math.Abs(g.Rounded/g.From)
		}
		l.Up = g.Rounded > 0
		l.Word = ui(lang, "county.gapDown")
		if l.Up {
			l.Word = ui(lang, "county.gapUp")
		}
		l.FromText, l.ToText, l.DeltaText = plainNum(l.From), plainNum(l.To), plainNum(math.Abs(l.Delta))
		v.Lines = append(v.Lines, l)
	}
	v.BeyondText = strings.Join(v.Beyond, "、")
	slices.SortStableFunc(v.Lines, func(a, b gapLine) int {
		return cmp.Compare(orInf(a.Percent), orInf(b.Percent))
	})
	return v
}

// intervalView is the unit's rank interval from the robustness analysis.
type intervalView struct {
	Nominal, Median, Q5, Q95, PTop float64
	Runs, Failed                   int
	Declared                       bool
	RunID                          int64
}

// plainNum writes v as people do: at most four decimals, no trailing
// zeros, no exponent.
func plainNum(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	return strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64)
}

func orInf(v float64) float64 {
	if math.IsNaN(v) {
		return math.Inf(1)
	}
	return v
}
