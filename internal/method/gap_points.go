package method

import (
	"cmp"
	"math"
	"slices"

	"github.com/qiangxian/qiangxian/internal/engine"
)

// PointsGap is how many points a unit lacks to a place that matters: the
// next place up, the last winning place of a per-type award in its primary
// type (先进县: 2nd of its type), or the overall place that would give it
// the rise of the last 进步县.
type PointsGap struct {
	Kind  string // GapNext, or the award's kind (AwardPerType, AwardRise)
	Award string // the award's name ("" for GapNext)
	Type  string // the type of a per-type award
	// Place is the place to reach: overall (GapNext, AwardRise) or in the
	// type (AwardPerType). Rise is the rise in places of the last winner
	// (AwardRise).
	Place float64
	Rise  float64
	// Score is the score that holds Place now (overall, or in the type),
	// Own the unit's; Points = Score − Own, what the unit must at least
	// gain to draw level (the tie-breaks then decide).
	Score, Own, Points float64
	// Held is true when the unit holds the place or the award already.
	Held bool
}

// GapNext is the kind of the gap to the next place up.
const GapNext = "next"

// PointsGaps returns the unit's points gaps in o: to the next place (none
// for the first), to each per-type award in its primary type, and to each
// rise award when o has rank changes and the unit a previous rank. An
// award the unit holds is listed as Held; a rise that no place can give
// (the unit would need to pass the first) is left out.
func PointsGaps(o *Outcome, unit string) []PointsGap {
	u := slices.IndexFunc(o.Units, func(x Unit) bool { return x.Code == unit })
	if u < 0 || math.IsNaN(o.Rank[u]) {
		return nil
	}
	own := o.Overall[u]
	var out []PointsGap
	if j := nextUp(o.Overall, o.Rank, u); j >= 0 {
		out = append(out, PointsGap{Kind: GapNext, Place: o.Rank[j], Score: o.Overall[j], Own: own, Points: o.Overall[j] - own})
	}
	primary := ""
	if len(o.Units[u].Types) > 0 {
		primary = o.Units[u].Types[0]
	}
	for _, a := range o.Awards {
		switch {
		case a.Award.Kind == AwardPerType && a.Type == primary && primary != "":
			if g, ok := typeAwardGap(o, a, u); ok {
				out = append(out, g)
			}
		case a.Award.Kind == AwardRise:
			if g, ok := riseGap(o, a, u); ok {
				out = append(out, g)
			}
		}
	}
	return out
}

// nextUp is the unit with the lowest score above u's (the best placed of
// them when several share it), -1 when none.
func nextUp(score, rank []float64, u int) int {
	j := -1
	for i, s := range score {
		if i == u || math.IsNaN(s) || !(s > score[u]) {
			continue
		}
		if j < 0 || s < score[j] || s == score[j] && rank[i] < rank[j] {
			j = i
		}
	}
	return j
}

// typeAwardGap is the gap to the last winner of per-type award a.
func typeAwardGap(o *Outcome, a AwardResult, u int) (PointsGap, bool) {
	var tr *TypeResult
	for i := range o.Types {
		if o.Types[i].Type == a.Type {
			tr = &o.Types[i]
		}
	}
	if tr == nil || len(a.Winners) == 0 {
		return PointsGap{}, false
	}
	k := slices.Index(tr.Members, u)
	if k < 0 {
		return PointsGap{}, false
	}
	g := PointsGap{Kind: a.Award.Kind, Award: a.Award.Name, Type: a.Type, Own: tr.Score[k], Held: slices.Contains(a.Winners, u)}
	last := -1 // the winner with the lowest place in the type
	for _, w := range a.Winners {
		if kw := slices.Index(tr.Members, w); kw >= 0 && (last < 0 || tr.Rank[kw] > tr.Rank[last]) {
			last = kw
		}
	}
	if last < 0 {
		return PointsGap{}, false
	}
	g.Place, g.Score = tr.Rank[last], tr.Score[last]
	g.Points = math.Max(0, g.Score-g.Own)
	if g.Held {
		g.Points = 0
	}
	return g, true
}

// riseGap is the gap to the overall place that gives u the rise of the
// last winner of rise award a: place = previous place − that rise, and
// the score that holds that place now.
func riseGap(o *Outcome, a AwardResult, u int) (PointsGap, bool) {
	if o.PrevRank == nil || math.IsNaN(o.PrevRank[u]) || len(a.Winners) == 0 || len(a.Key) != len(a.Winners) {
		return PointsGap{}, false
	}
	g := PointsGap{Kind: a.Award.Kind, Award: a.Award.Name, Own: o.Overall[u], Held: slices.Contains(a.Winners, u)}
	g.Rise = slices.Min(a.Key)
	if g.Held {
		g.Place, g.Score = o.Rank[u], o.Overall[u]
		return g, true
	}
	g.Place = o.PrevRank[u] - g.Rise
	if g.Place < 1 {
		return PointsGap{}, false
	}
	// The unit placed lowest at or above that place holds it now.
	j := -1
	for i, r := range o.Rank {
		if i != u && !math.IsNaN(r) && r <= g.Place && (j < 0 || r > o.Rank[j]) {
			j = i
		}
	}
	if j < 0 {
		return PointsGap{}, false
	}
	g.Score = o.Overall[j]
	g.Points = math.Max(0, g.Score-g.Own)
	return g, true
}

// InputWorth is what one input of a unit is worth to its overall score:
// Points for one Step of improvement (in the input's unit, in its
// direction), and Recoverable, the points it would gain by matching the
// best value of all units (Best), each with the other inputs and units
// held fixed and the whole method re-run.
type InputWorth struct {
	Column      string
	Value, Best float64
	Step        float64
	Points      float64 // per Step
	Recoverable float64
}

// InputWorths returns, for every input of unit that d holds a value of and
// the method scores with a direction, its worth (see InputWorth), the
// inputs that can still gain points first, most recoverable points first;
// an input that can gain nothing (already the best, or capped) is left
// out. step gives each column's step (e.g. 1 for a % growth: one
// percentage point).
func (mm *Model) InputWorths(d *engine.Data, unit string, step func(col string, values []float64) float64) ([]InputWorth, error) {
	u := d.Raw.UnitIndex(unit)
	if u < 0 {
		return nil, &engine.Error{Kind: engine.ErrUnknownUnit, Unit: unit}
	}
	o, err := mm.run(d)
	if err != nil {
		return nil, err
	}
	base := o.Exact[u]
	work := &engine.Data{Raw: d.Raw.Clone(), Labels: d.Labels}
	at := func(c int, x float64) (float64, error) {
		old := work.Raw.Vals[c][u]
		work.Raw.Vals[c][u] = x
		defer func() { work.Raw.Vals[c][u] = old }()
		o, err := mm.run(work)
		if err != nil {
			return math.NaN(), err
		}
		return o.Exact[u] - base, nil
	}
	var out []InputWorth
	for c, col := range d.Raw.Cols {
		dir := mm.Direction(col)
		x := d.Raw.Vals[c][u]
		if dir == 0 || engine.IsNA(x) {
			continue
		}
		lo, hi := engine.MinMax(d.Raw.Vals[c])
		w := InputWorth{Column: col, Value: x, Best: hi, Step: step(col, d.Raw.Vals[c])}
		if dir < 0 {
			w.Best = lo
		}
		if w.Best == x || !(w.Step > 0) {
			continue
		}
		if w.Points, err = at(c, x+dir*w.Step); err != nil {
			return nil, err
		}
		if w.Recoverable, err = at(c, w.Best); err != nil {
			return nil, err
		}
		if w.Recoverable > 1e-9 {
			out = append(out, w)
		}
	}
	slices.SortStableFunc(out, func(a, b InputWorth) int { return cmp.Compare(b.Recoverable, a.Recoverable) })
	return out, nil
}

// WorthStep is the step in which a county head reasons about input col:
// one percentage point of a rate (%), 1亿元 of money in 亿元 or 万元, 1000
// 元 of an income; for another unit the power of ten nearest a tenth of
// the values' range (1 when they do not vary).
func (m *Method) WorthStep(col string, values []float64) float64 {
	unit := ""
	if ind := m.indicator(col); ind != nil {
		unit = ind.Unit
	}
	switch unit {
	case "%", "亿元":
		return 1
	case "万元":
		return 10000
	case "元", "元/人":
		return 1000
	}
	lo, hi := engine.MinMax(values)
	if engine.IsNA(lo) || !(hi > lo) {
		return 1
	}
	return math.Pow(10, math.Round(math.Log10((hi-lo)/10)))
}

// PeerStanding returns unit u's place (1 = best, ties share the better)
// and the mean of indicator code's scores among the type's members — the
// units ranked in the type, so that a page counts the same peers for an
// indicator as for the type rank — with the number of members scored on
// it. ok is false when u is not a member or has no score on code.
func (tr *TypeResult) PeerStanding(u int, code string) (rank, mean float64, n int, ok bool) {
	k := slices.Index(tr.Members, u)
	if k < 0 || tr.Aggregated == nil {
		return math.NaN(), math.NaN(), 0, false
	}
	col := tr.Aggregated.Col(code)
	if col == nil || engine.IsNA(col[k]) {
		return math.NaN(), math.NaN(), 0, false
	}
	return engine.Rank(col, engine.TiesMin)[k], engine.Mean(col), len(engine.Present(col)), true
}
