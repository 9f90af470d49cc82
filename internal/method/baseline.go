package method

import (
	"math"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// Rank-change baselines (Method.RiseBaseline): what 进步县 rises are
// measured against.
const (
	// BaselinePublished is last year's published ranks (the default).
	BaselinePublished = "published"
	// BaselineRescored is last year's data re-run under this year's
	// method (上年同口径), so that a rise never comes from a change of
	// method.
	BaselineRescored = "rescored"
)

// Rescore runs m on last year's input and returns its ranks as a
// Previous: the rescored baseline (上年同口径).
func Rescore(m *Method, last Input) (*Previous, error) {
	last.Previous, last.Rescored = nil, nil
	o, err := Run(m, last)
	if err != nil {
		return nil, err
	}
	p := &Previous{Rank: map[string]float64{}, Period: last.Period}
	for u, unit := range o.Units {
		if !engine.IsNA(o.Rank[u]) {
			p.Rank[unit.Code] = o.Rank[u]
		}
	}
	return p, nil
}

// rankChanges sets the rank changes against both baselines given and
// chooses the method's for RankChange (and so for 进步县). Without the
// baseline the method asks for, there is no rank change: a rescored
// method given only published ranks warns and awards no rise.
func (o *Outcome) rankChanges(m *Method, in Input) {
	change := func(p *Previous) (prev, ch []float64) {
		if p == nil {
			return nil, nil
		}
		prev, ch = make([]float64, len(o.Units)), make([]float64, len(o.Units))
		for i, u := range o.Units {
			r, ok := p.Rank[u.Code]
			if !ok {
				r = engine.NA
			}
			prev[i], ch[i] = r, r-o.Rank[i]
		}
		return prev, ch
	}
	var pubPrev, resPrev []float64
	pubPrev, o.ChangePublished = change(in.Previous)
	resPrev, o.ChangeRescored = change(in.Rescored)
	o.Baseline = m.RiseBaseline
	switch {
	case m.RiseBaseline == BaselineRescored && in.Rescored != nil:
		o.PrevRank, o.RankChange = resPrev, o.ChangeRescored
	case m.RiseBaseline == BaselineRescored:
		if in.Previous != nil {
			o.warn(Warning{Kind: "norescore", Msg: locale.M("method.w.norescore")})
		}
	default:
		o.PrevRank, o.RankChange = pubPrev, o.ChangePublished
	}
}

// Cliff is a unit whose total moves by more than Method.CliffPoints when
// one of its values changes by 1 % of the indicator's range: a step in a
// scoring rule (all-or-nothing, whole steps, a rank) that a small error in
// the data can cross.
type Cliff struct {
	Indicator string
	Rule      string
	Unit      string
	Value     float64 // the unit's value
	Delta     float64 // the change tried (± 1 % of the range)
	Move      float64 // the change of the unit's unrounded total
}

// Cliffs tries, for every scored indicator and unit, the unit's value
// plus and minus 1 % of the indicator's range (max − min of the values the
// rule scores, after derivation, imputation and treatment), changing that
// indicator alone, and returns the changes of the unit's unrounded total
// beyond m.CliffPoints, the larger of the two per indicator and unit.
func Cliffs(m *Method, in Input) ([]Cliff, error) {
	base, err := Run(m, in)
	if err != nil {
		return nil, err
	}
	// The stage before Scored holds the values the rules score.
	vals := base.Stages[len(base.Stages)-2].Data
	var out []Cliff
	for _, ind := range m.scored() {
		x := vals.Col(ind.Code)
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, v := range x {
			if !engine.IsNA(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
		step := 0.01 * (hi - lo)
		if !(step > 0) {
			continue
		}
		for u, v := range x {
			if engine.IsNA(v) {
				continue
			}
			best := Cliff{}
			for _, d := range []float64{step, -step} {
				y := append([]float64(nil), x...)
				y[u] = v + d
				in.scoredOverride = map[string][]float64{ind.Code: y}
				o, err := Run(m, in)
				if err != nil {
					return nil, err
				}
				if mv := o.Exact[u] - base.Exact[u]; math.Abs(mv) > math.Abs(best.Move) {
					best = Cliff{Indicator: ind.Code, Rule: ind.Score.Rule, Unit: base.Units[u].Code, Value: v, Delta: d, Move: mv}
				}
			}
			if math.Abs(best.Move) > m.CliffPoints {
				out = append(out, best)
			}
		}
	}
	return out, nil
}

func init() {
	locale.Register(map[string][2]string{
		"method.w.norescore": {"方法规定进步县按上年同口径名次（rise_baseline = \"rescored\"）评出，但没有上年数据：进步县无法评出",
			"the method measures rises against last year re-scored (rise_baseline = \"rescored\") but last year's data is missing: no rise is awarded"},
	})
}
