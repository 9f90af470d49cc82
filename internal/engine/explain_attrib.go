package engine

import (
	"cmp"
	"math"
	"slices"
)

// attribution is one unit's score change carried down to its indicators:
// indicator j contributes kappa[j]·(b[j] − a[j]) + direct[j] + weight[j].
type attribution struct {
	codes   []string  // union of both runs' indicators
	a, b    []float64 // the unit's indicator scores in the two runs
	kappa   []float64 // score change per unit of indicator score change
	direct  []float64 // contribution of an indicator present in one run only
	weight  []float64 // per-indicator effect of the weights (linear case)
	weights float64   // weight effect not given to indicators
	renorm  float64   // aggregates appearing or disappearing
	adjust  float64   // post-aggregation change (deductions, rounding)
	total   []float64 // per indicator: the sum of the above parts
}

// attributeUnit attributes the change of the score of unit u0 of s0 (u1 of
// s1) to indicators. With sameModel and the same views the values are the
// only player; otherwise values and weights are split by a two-player
// Shapley value.
func attributeUnit(s0, s1 *Scores, u0, u1 int, sameModel bool) (*attribution, error) {
	at := &attribution{codes: unionCols(s0.Indicators.Cols, s1.Indicators.Cols)}
	m := len(at.codes)
	at.a, at.b = make([]float64, m), make([]float64, m)
	at.kappa, at.direct, at.weight, at.total = make([]float64, m), make([]float64, m), make([]float64, m), make([]float64, m)
	for j, code := range at.codes {
		at.a[j], at.b[j] = NA, NA
		if x := s0.Indicators.Col(code); x != nil {
			at.a[j] = x[u0]
		}
		if x := s1.Indicators.Col(code); x != nil {
			at.b[j] = x[u1]
		}
	}
	v0, v1 := s0.viewsOf(u0), s1.viewsOf(u1)
	top := func(s *Scores, vs []int, z []float64) (float64, error) {
		var sum float64
		for _, v := range vs {
			x0, _, err := viewValues(s.Views[v], at.codes, z, z)
			if err != nil {
				return 0, err
			}
			sum += x0[topNode(s.Views[v].Tree)]
		}
		return sum / float64(len(vs)), nil
	}
	t0a, err := top(s0, v0, at.a)
	if err != nil {
		return nil, err
	}
	t1b, err := top(s1, v1, at.b)
	if err != nil {
		return nil, err
	}
	at.adjust = (s1.Score[u1] - t1b) - (s0.Score[u0] - t0a)
	// The value part under each weighting, averaged over the unit's views
	// and (when they differ) over the two runs' weightings.
	runs := []struct {
		s     *Scores
		vs    []int
		share float64
	}{{s0, v0, 1}}
	same := sameModel && slices.Equal(v0, v1)
	if !same {
		runs = []struct {
			s     *Scores
			vs    []int
			share float64
		}{{s0, v0, 0.5}, {s1, v1, 0.5}}
	}
	for _, r := range runs {
		for _, v := range r.vs {
			w := r.share / float64(len(r.vs))
			if err := at.addView(r.s.Views[v], w); err != nil {
				return nil, err
			}
		}
	}
	if !same {
		t1a, err := top(s1, v1, at.a)
		if err != nil {
			return nil, err
		}
		t0b, err := top(s0, v0, at.b)
		if err != nil {
			return nil, err
		}
		at.weights = 0.5 * ((t1a - t0a) + (t1b - t0b))
		at.splitWeights(s0, v0, s1, v1)
	}
	for j := range at.codes {
		var s rsum
		if dz := at.b[j] - at.a[j]; !IsNA(dz) {
			s.add(at.kappa[j] * dz)
		}
		s.add(at.direct[j])
		s.add(at.weight[j])
		at.total[j] = s.value()
	}
	return at, nil
}

// splitWeights gives the weight effect to the indicators when every view
// of both runs is an arithmetic mean and the unit has every indicator of
// them in both runs: the score is then Σ E_j z_j with E the effective
// weights, and the Shapley split of E1·b − E0·a gives ½(E1 − E0)(a + b)
// to indicator j. Any rounding residue stays in at.weights.
func (at *attribution) splitWeights(s0 *Scores, v0 []int, s1 *Scores, v1 []int) {
	eff := func(s *Scores, vs []int) map[string]float64 {
		out := map[string]float64{}
		for _, v := range vs {
			view := s.Views[v]
			if view.Agg.Method != "amean" {
				return nil
			}
			ew := view.Tree.EffectiveWeights()
			for _, code := range view.Tree.IndicatorCodes() {
				j := slices.Index(at.codes, code)
				if j < 0 || IsNA(at.a[j]) || IsNA(at.b[j]) {
					return nil
				}
				out[code] += ew[code] / float64(len(vs))
			}
		}
		return out
	}
	e0, e1 := eff(s0, v0), eff(s1, v1)
	if e0 == nil || e1 == nil {
		return
	}
	var rest rsum
	rest.add(at.weights)
	for j, code := range at.codes {
		at.weight[j] = 0.5 * (e1[code] - e0[code]) * (at.a[j] + at.b[j])
		rest.add(-at.weight[j])
	}
	at.weights = rest.value()
}

// topNode returns the index of the top of t: the single node of its
// highest level (the last indicator when there are no aggregates).
func topNode(t *Tree) int {
	if len(t.Levels) == 0 {
		return t.Indicators[len(t.Indicators)-1]
	}
	return t.Levels[len(t.Levels)-1][0]
}

// viewValues aggregates the indicator scores za and zb (indexed like
// codes) through view and returns every node's value in both, indexed
// like view.Tree.Nodes.
func viewValues(view View, codes []string, za, zb []float64) (x0, x1 []float64, err error) {
	t := view.Tree
	if view.Agg.Method == "copeland" {
		return nil, nil, &Error{Kind: ErrBadParameter, Detail: "copeland scores depend on every unit: no per-unit attribution"}
	}
	if len(t.Levels) > 0 && len(t.Levels[len(t.Levels)-1]) != 1 {
		return nil, nil, &Error{Kind: ErrBadParameter, Detail: "the hierarchy has more than one top node"}
	}
	ind := t.IndicatorCodes()
	d := NewDataset([]string{"a", "b"}, ind)
	for c, code := range ind {
		if j := slices.Index(codes, code); j >= 0 {
			d.Vals[c][0], d.Vals[c][1] = za[j], zb[j]
		}
	}
	agg, err := AggregateWeights(d, t, view.Agg, nil)
	if err != nil {
		return nil, nil, err
	}
	x0, x1 = make([]float64, len(t.Nodes)), make([]float64, len(t.Nodes))
	for c, code := range agg.Cols {
		i := t.Index(code)
		x0[i], x1[i] = agg.Vals[c][0], agg.Vals[c][1]
	}
	return x0, x1, nil
}

// addView adds share × the attribution of the top value of view from the
// unit's scores a to b.
//
// Every aggregation here is a quasi-arithmetic mean M = g⁻¹(Σ w̃_k g(x_k))
// with w̃ the weights normalised over the present children and g the
// identity (amean), log (gmean), 1/x (hmean) or x^p (genmean). The change
// of an aggregate is split over its children as
//
//	ΔM = r·Σ w̃_k Δg(x_k),  r = ΔM / Σ w̃_k Δg(x_k),
//
// and Δg(x_k) = sec_k·Δx_k with sec_k the secant slope of g between the
// child's two values (its derivative when they are equal). So every node
// carries a slope κ (its contribution per unit of its own change), κ = 1 at
// the top and κ_k = κ_p·r·w̃_k·sec_k below, and an indicator contributes
// κ_j·Δz_j: the parts add up to the change exactly, whatever the
// aggregation. For arithmetic means κ_j is the effective weight; for the
// geometric mean r·sec is a ratio of logarithmic means. A child present
// in one run only takes r·(w̃1 g(x1) − w̃0 g(x0)) (the others' weights were
// renormalised around it); what cannot go further down (an aggregate
// appearing, or a contribution with no change to carry it) is counted in
// renorm.
func (at *attribution) addView(view View, share float64) error {
	t := view.Tree
	x0, x1, err := viewValues(view, at.codes, at.a, at.b)
	if err != nil {
		return err
	}
	g, dg := transform(view.Agg)
	sec := func(a, b float64) float64 {
		if a == b {
			return dg(a)
		}
		return (g(b) - g(a)) / (b - a)
	}
	kappa := make([]float64, len(t.Nodes))
	dead := make([]bool, len(t.Nodes))
	topN := topNode(t)
	kappa[topN] = share
	if IsNA(x0[topN]) || IsNA(x1[topN]) {
		return &Error{Kind: ErrBadParameter, Node: t.Nodes[topN].Code, Detail: "no score in one of the runs"}
	}
	for l := len(t.Levels) - 1; l >= 0; l-- {
		for _, p := range t.Levels[l] {
			kids := t.Children[p]
			if dead[p] || IsNA(x0[p]) || IsNA(x1[p]) {
				for _, k := range kids {
					dead[k] = true
				}
				continue
			}
			var w0, w1 float64
			regular := true
			for _, k := range kids {
				p0, p1 := !IsNA(x0[k]), !IsNA(x1[k])
				if p0 {
					w0 += t.Nodes[k].Weight
				}
				if p1 {
					w1 += t.Nodes[k].Weight
				}
				regular = regular && p0 == p1
			}
			terms := make([]float64, len(kids))
			var dF rsum
			for i, k := range kids {
				w := t.Nodes[k].Weight
				switch {
				case regular && !IsNA(x0[k]):
					terms[i] = w / w0 * sec(x0[k], x1[k]) * (x1[k] - x0[k])
				case !regular:
					if !IsNA(x1[k]) {
						terms[i] += w / w1 * g(x1[k])
					}
					if !IsNA(x0[k]) {
						terms[i] -= w / w0 * g(x0[k])
					}
				}
				dF.add(terms[i])
			}
			dp := x1[p] - x0[p]
			r := 1 / dg(x0[p])
			if d := dF.value(); d != 0 {
				r = dp / d
			}
			at.renorm += kappa[p] * (dp - r*dF.value())
			for i, k := range kids {
				c := kappa[p] * r * terms[i]
				dk := x1[k] - x0[k]
				switch {
				case regular && !IsNA(dk):
					kappa[k] = kappa[p] * r * t.Nodes[k].Weight / w0 * sec(x0[k], x1[k])
				case !IsNA(dk) && dk != 0:
					kappa[k] = c / dk
				case t.Nodes[k].Level == 1 && IsNA(dk):
					at.direct[slices.Index(at.codes, t.Nodes[k].Code)] += c
					dead[k] = true
				default:
					at.renorm += c
					dead[k] = true
				}
			}
		}
	}
	for _, i := range t.Indicators {
		if !dead[i] {
			at.kappa[slices.Index(at.codes, t.Nodes[i].Code)] += kappa[i]
		}
	}
	return nil
}

// transform returns the generating function of an aggregation and its
// derivative (see addView).
func transform(s AggSpec) (g, dg func(float64) float64) {
	switch s.Method {
	case "gmean":
		return math.Log, func(x float64) float64 { return 1 / x }
	case "hmean":
		return func(x float64) float64 { return 1 / x }, func(x float64) float64 { return -1 / (x * x) }
	case "genmean":
		p := s.P
		return func(x float64) float64 { return rpow(x, p) }, func(x float64) float64 { return p * math.Pow(x, p-1) }
	}
	return func(x float64) float64 { return x }, func(float64) float64 { return 1 }
}

// pairs lists the units the explained unit overtook and those that
// overtook it, with the indicators that moved each gap.
func pairs(s0, s1 *Scores, unit string, at *attribution, sameModel bool) (overtook, overtakenBy []Pair) {
	u0, u1 := s0.unitIndex(unit), s1.unitIndex(unit)
	r0, r1 := s0.Rank[u0], s1.Rank[u1]
	for v1, code := range s1.Units {
		v0 := s0.unitIndex(code)
		if code == unit || v0 < 0 {
			continue
		}
		ahead0, ahead1 := s0.Rank[v0] < r0, s1.Rank[v1] < r1
		behind0, behind1 := s0.Rank[v0] > r0, s1.Rank[v1] > r1
		if !(ahead0 && behind1) && !(behind0 && ahead1) {
			continue
		}
		p := Pair{Unit: code, Prev: standing(s0, v0), Cur: standing(s1, v1),
			GapPrev: s0.Score[u0] - s0.Score[v0], GapCur: s1.Score[u1] - s1.Score[v1]}
		if ov, err := attributeUnit(s0, s1, v0, v1, sameModel); err == nil {
			for j, c := range at.codes {
				k := slices.Index(ov.codes, c)
				d := at.total[j]
				if k >= 0 {
					d -= ov.total[k]
				}
				p.Drivers = append(p.Drivers, Driver{Indicator: c, Gap: d})
			}
			p.Weights = at.weights - ov.weights
			p.Residue = (at.renorm + at.adjust) - (ov.renorm + ov.adjust)
			slices.SortStableFunc(p.Drivers, func(a, b Driver) int { return cmp.Compare(math.Abs(b.Gap), math.Abs(a.Gap)) })
		}
		if ahead0 {
			overtook = append(overtook, p)
		} else {
			overtakenBy = append(overtakenBy, p)
		}
	}
	byRank := func(a, b Pair) int { return cmp.Compare(a.Cur.Rank, b.Cur.Rank) }
	slices.SortStableFunc(overtook, byRank)
	slices.SortStableFunc(overtakenBy, byRank)
	return overtook, overtakenBy
}
