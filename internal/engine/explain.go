package engine

import (
	"fmt"
	"math"
	"slices"
)

// Model is an evaluation that can be run again on altered data. The
// explanation and what-if functions swap one unit's inputs between two
// periods, or change them, and score again, so they work for any pipeline
// that can say what it scores: COINr's (PipelineModel) or an evaluation
// method's. Models are compared by identity (==): use pointer types.
type Model interface {
	// Score evaluates d.
	Score(d *Data) (*Scores, error)
	// Direction returns 1 for an input column whose rise is an
	// improvement, −1 for one whose fall is, and 0 for columns what-if
	// must leave alone (denominators, bases).
	Direction(col string) float64
}

// Data is what a Model scores: every unit's inputs as reported (Raw, one
// row per unit) and labels (groups, types) by column name, one per unit.
// A unit's own data is its row of Raw and its labels.
type Data struct {
	Raw    *Dataset
	Labels map[string][]string
}

// Scores is a Model's result. Slices indexed by unit follow Units.
type Scores struct {
	Units []string
	// Indicators holds the indicator scores (units × the indicators of the
	// views' trees): what the views aggregate.
	Indicators *Dataset
	Score      []float64 // the score units are ranked on
	// Exact is Score before it was rounded to multiples of Quantum (nil
	// when it is not rounded). What-if searches aim at the unrounded
	// score, which moves smoothly where the rounded one is flat.
	Exact     []float64
	Quantum   float64
	Rank      []float64 // 1 = best
	Group     []string  // each unit's peer group (its type); nil when there are none
	GroupRank []float64 // rank within the peer group; nil when Group is nil
	// Views are the ways indicator scores combine into a score; a unit's
	// score before Adjustments is the mean of the top values of its views
	// (UnitViews[u]; nil means view 0 for every unit). Anything after
	// aggregation (deductions, rounding) is the difference.
	Views     []View
	UnitViews [][]int
}

// View is a hierarchy with its weights and an aggregation.
type View struct {
	Name string
	Tree *Tree
	Agg  AggSpec
}

// viewsOf returns the views of unit u.
func (s *Scores) viewsOf(u int) []int {
	if s.UnitViews == nil {
		return []int{0}
	}
	return s.UnitViews[u]
}

// unitIndex returns the index of unit code in s, or -1.
func (s *Scores) unitIndex(code string) int { return slices.Index(s.Units, code) }

// Contribution is one indicator's part in a unit's score change. Own,
// Others, Method, Weight and Availability add up to Total.
type Contribution struct {
	Indicator string
	Prev, Cur float64 // the unit's indicator scores (NA when absent)
	// Own is due to the unit's own inputs, Others to the other units'
	// (relative scorings move when the minimum, maximum or mean move),
	// Method to a change of scoring rule between two methods.
	Own, Others, Method float64
	// Weight is due to a change of weights (two methods, or a unit whose
	// type changed); Availability to the indicator being missing in one
	// run, when the remaining weights are renormalised.
	Weight, Availability float64
	Total                float64
}

// Standing is a unit's result in one run: its score and ranks.
type Standing struct {
	Score, Rank, GroupRank float64
	Group                  string
}

// Explanation decomposes the change of one unit's score between two runs.
// Change = Σ Indicators[].Total + Weights + Renormalised + Adjustments, to
// rounding (see Sum).
type Explanation struct {
	Unit          string
	Prev, Cur     Standing
	Change        float64
	DataChanged   bool // the runs read different data (two periods)
	MethodChanged bool // the runs use different models (two methods)
	Indicators    []Contribution
	// Weights is the effect of the change of weights or aggregation that
	// is not attributed to indicators (non-linear aggregation or missing
	// values); Renormalised is the effect of a whole aggregate appearing or
	// disappearing, or of the renormalisation of weights when one of its
	// children did; Adjustments is what changed after aggregation
	// (deductions, rounding).
	Weights, Renormalised, Adjustments float64
	// Overtook lists the units ahead of this one before and behind it now;
	// OvertakenBy the reverse. Each with the indicators that moved the gap.
	Overtook, OvertakenBy []Pair
}

// Sum returns the sum of the parts, which equals Change to rounding.
func (e *Explanation) Sum() float64 {
	var s rsum
	for _, c := range e.Indicators {
		s.add(c.Total)
	}
	s.add(e.Weights)
	s.add(e.Renormalised)
	s.add(e.Adjustments)
	return s.value()
}

// Pair explains how the gap between the unit and another moved: GapPrev
// and GapCur are the unit's score minus the other's, and Drivers the
// indicators' parts in GapCur − GapPrev (largest first).
type Pair struct {
	Unit             string
	Prev, Cur        Standing
	GapPrev, GapCur  float64
	Drivers          []Driver
	Weights, Residue float64 // weights and post-aggregation parts of the gap change
}

// Driver is an indicator's part in the change of a gap.
type Driver struct {
	Indicator string
	Gap       float64
}

// Explain decomposes unit's score change from the run (prevM, prev) to the
// run (curM, cur): two periods under one model, or two models on one data
// set (or both).
//
// Indicator scores are split by Shapley values over the players that
// differ between the runs: the unit's own inputs, the other units' inputs
// and the model's scoring. For two periods under one model, with z the
// unit's indicator score, x its inputs and O the others':
//
//	own    = ½[(z(x1,O0) − z(x0,O0)) + (z(x1,O1) − z(x0,O1))]
//	others = ½[(z(x0,O1) − z(x0,O0)) + (z(x1,O1) − z(x1,O0))]
//
// which sum to z(x1,O1) − z(x0,O0). The mixed states are scored by running
// the model on one run's data with the unit's row taken from the other:
// two extra runs (six when the models differ too).
//
// The score change is carried down the hierarchy to the indicators
// exactly (see attribute): with arithmetic means each indicator gets its
// effective weight times its change, so own and others above become
// weight × own and weight × others; geometric, harmonic and generalised
// means use the secant of their transform (the logarithmic mean for the
// geometric), which keeps the sum exact. When the weights differ (two
// models), the weights and the values are the two players of a Shapley
// split, and the value part is the above averaged over both weightings.
func Explain(prevM Model, prev *Data, curM Model, cur *Data, unit string) (*Explanation, error) {
	s0, err := prevM.Score(prev)
	if err != nil {
		return nil, err
	}
	s1, err := curM.Score(cur)
	if err != nil {
		return nil, err
	}
	u0, u1 := s0.unitIndex(unit), s1.unitIndex(unit)
	if u0 < 0 || u1 < 0 {
		return nil, &Error{Kind: ErrUnknownUnit, Unit: unit, Detail: "not scored in both runs"}
	}
	e := &Explanation{Unit: unit, Prev: standing(s0, u0), Cur: standing(s1, u1),
		DataChanged: !dataEqual(prev, cur), MethodChanged: prevM != curM}
	e.Change = e.Cur.Score - e.Prev.Score
	if IsNA(e.Change) {
		return nil, &Error{Kind: ErrBadParameter, Unit: unit, Detail: "no score in one of the runs"}
	}
	parts, err := shapleyParts(e, prevM, prev, curM, cur, s0, s1)
	if err != nil {
		return nil, err
	}
	at, err := attributeUnit(s0, s1, u0, u1, !e.MethodChanged)
	if err != nil {
		return nil, err
	}
	e.Weights, e.Renormalised, e.Adjustments = at.weights, at.renorm, at.adjust
	for j, code := range at.codes {
		c := Contribution{Indicator: code, Prev: at.a[j], Cur: at.b[j], Weight: at.weight[j], Availability: at.direct[j]}
		if p, ok := parts[code]; ok && at.kappa[j] != 0 {
			c.Own, c.Others, c.Method = at.kappa[j]*p[0], at.kappa[j]*p[1], at.kappa[j]*p[2]
		} else if dz := at.b[j] - at.a[j]; dz != 0 && !IsNA(dz) {
			// No Shapley parts (a state without a score): the value
			// change goes to whatever differs between the runs.
			if e.DataChanged {
				c.Own = at.kappa[j] * dz
			} else {
				c.Method = at.kappa[j] * dz
			}
		}
		var s rsum
		for _, v := range []float64{c.Own, c.Others, c.Method, c.Weight, c.Availability} {
			s.add(v)
		}
		c.Total = s.value()
		e.Indicators = append(e.Indicators, c)
	}
	e.Overtook, e.OvertakenBy = pairs(s0, s1, unit, at, !e.MethodChanged)
	return e, nil
}

func standing(s *Scores, u int) Standing {
	st := Standing{Score: s.Score[u], Rank: s.Rank[u], GroupRank: NA}
	if s.Group != nil {
		st.Group, st.GroupRank = s.Group[u], s.GroupRank[u]
	}
	return st
}

// shapleyParts returns, per indicator of either run, the Shapley split of
// the unit's indicator score change over (own, others, method).
func shapleyParts(e *Explanation, prevM Model, prev *Data, curM Model, cur *Data, s0, s1 *Scores) (map[string][3]float64, error) {
	var players []int // 0 own, 1 others, 2 method
	if e.DataChanged {
		players = append(players, 0, 1)
	}
	if e.MethodChanged {
		players = append(players, 2)
	}
	models := [2]Model{prevM, curM}
	datas := [2]*Data{prev, cur}
	states := map[[3]int]*Scores{{0, 0, 0}: s0, {1, 1, 1}: s1}
	state := func(s [3]int) (*Scores, error) {
		if !e.DataChanged {
			s[0], s[1] = s[2], s[2]
		}
		if !e.MethodChanged {
			s[2] = s[1]
		}
		if r, ok := states[s]; ok {
			return r, nil
		}
		d := datas[s[1]]
		if s[0] != s[1] {
			var err error
			if d, err = withRow(datas[s[1]], datas[s[0]], e.Unit); err != nil {
				return nil, err
			}
		}
		r, err := models[s[2]].Score(d)
		if err != nil {
			return nil, fmt.Errorf("explain: mixed run: %w", err)
		}
		states[s] = r
		return r, nil
	}
	// v(S): the state with the players of S at their current-run value.
	n := len(players)
	vals := make([]map[string]float64, 1<<n)
	for mask := range vals {
		var s [3]int
		for i, p := range players {
			if mask&(1<<i) != 0 {
				s[p] = 1
			}
		}
		r, err := state(s)
		if err != nil {
			return nil, err
		}
		vals[mask] = map[string]float64{}
		if u := r.unitIndex(e.Unit); u >= 0 {
			for c, code := range r.Indicators.Cols {
				vals[mask][code] = r.Indicators.Vals[c][u]
			}
		}
	}
	out := map[string][3]float64{}
	codes := unionCols(s0.Indicators.Cols, s1.Indicators.Cols)
	fact := []float64{1, 1, 2, 6}
next:
	for _, code := range codes {
		var p [3]float64
		for i, pl := range players {
			for mask := range vals {
				if mask&(1<<i) != 0 {
					continue
				}
				with, ok1 := vals[mask|1<<i][code]
				without, ok2 := vals[mask][code]
				if !ok1 || !ok2 || IsNA(with) || IsNA(without) {
					continue next
				}
				k := popcount(mask)
				p[pl] += fact[k] * fact[n-k-1] / fact[n] * (with - without)
			}
		}
		out[code] = p
	}
	return out, nil
}

func popcount(m int) int {
	n := 0
	for ; m != 0; m &= m - 1 {
		n++
	}
	return n
}

// unionCols returns a's columns followed by those of b not in a.
func unionCols(a, b []string) []string {
	out := slices.Clone(a)
	for _, c := range b {
		if !slices.Contains(a, c) {
			out = append(out, c)
		}
	}
	return out
}

// withRow returns a copy of base in which unit's inputs and labels are
// taken from from (NA for a column from lacks).
func withRow(base, from *Data, unit string) (*Data, error) {
	ub, uf := base.Raw.UnitIndex(unit), from.Raw.UnitIndex(unit)
	if ub < 0 || uf < 0 {
		return nil, &Error{Kind: ErrUnknownUnit, Unit: unit}
	}
	d := &Data{Raw: base.Raw.Clone(), Labels: make(map[string][]string, len(base.Labels))}
	for c, code := range d.Raw.Cols {
		v := NA
		if x := from.Raw.Col(code); x != nil {
			v = x[uf]
		}
		d.Raw.Vals[c][ub] = v
	}
	for k, l := range base.Labels {
		l = slices.Clone(l)
		if fl, ok := from.Labels[k]; ok && uf < len(fl) && ub < len(l) {
			l[ub] = fl[uf]
		}
		d.Labels[k] = l
	}
	return d, nil
}

// dataEqual reports whether a and b hold the same units, columns, values
// (NA equal to NA) and labels.
func dataEqual(a, b *Data) bool {
	if a == b {
		return true
	}
	if !slices.Equal(a.Raw.Units, b.Raw.Units) || !slices.Equal(a.Raw.Cols, b.Raw.Cols) || len(a.Labels) != len(b.Labels) {
		return false
	}
	for c := range a.Raw.Vals {
		if !colsEqual(a.Raw.Vals[c], b.Raw.Vals[c]) {
			return false
		}
	}
	for k, l := range a.Labels {
		if !slices.Equal(l, b.Labels[k]) {
			return false
		}
	}
	return true
}

// colsEqual compares two columns bit for bit, NA equal to NA.
func colsEqual(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i, v := range a {
		if math.Float64bits(v) != math.Float64bits(b[i]) && !(IsNA(v) && IsNA(b[i])) {
			return false
		}
	}
	return true
}
