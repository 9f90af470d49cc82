package engine

import (
	"cmp"
	"math"
	"slices"
	"strconv"
)

// WhatIfQuery asks for the smallest improvement that lifts Unit into the
// top TopK (overall, or within its peer group when InGroup): of one input
// Column (in its own unit; up for direction 1, down for −1), or, when
// Column is "", of every input column with a direction by the same
// fraction of its absolute value (x + d·p·|x|, so that negative values
// such as growth rates improve too). The other units are held fixed, and
// every run goes through the model from the inputs, so normalisation
// effects (the unit becoming the new maximum) are included.
type WhatIfQuery struct {
	Unit    string
	Column  string
	TopK    int
	InGroup bool
	// Limit is the largest change tried: in the column's unit (default:
	// from the unit's value to 10 column ranges beyond the best value), or
	// the largest fraction for a uniform change (default 10, i.e. +1000 %).
	// 0 means the default.
	Limit float64
	// Tolerance is the precision, relative to the change found, at which
	// the search stops (0: as far as doubles go, by bisection). Callers
	// that show only Rounded (3 significant digits, verified) may take
	// 2e-4 and a third of the runs (see guided).
	Tolerance float64
	// Base, when the caller has it, is the model's scores of the data as
	// given, which the search starts from (it saves a run per query; a
	// missing value still takes one, as it starts from the worst value).
	Base *Scores
}

// WhatIfResult is the answer: Reachable is false when even the Limit does
// not lift the unit (normalisations cap what one indicator can give);
// Already when no change is needed.
type WhatIfResult struct {
	Query              WhatIfQuery
	Reachable, Already bool
	// From and To are the column's value before and after (NA for a
	// uniform change); Delta = To − From, or the fraction p. Rounded is
	// Delta rounded away from zero to 3 significant digits, verified too.
	From, To, Delta, Rounded float64
	Rank, NewRank            float64 // overall, or in the group when InGroup
	Score, NewScore          float64
}

// WhatIf answers q by a search on the size of the change (bisection, or
// the guided search with a tolerance): the unit's rank does not worsen as
// its inputs improve for the usual normalisations, and every answer is a
// run of the model. With a treatment that caps outliers or a rank-based
// scoring the rank may rise in steps, or fall back on the way; the search
// then finds the edge of a step it brackets, not necessarily the first.
func WhatIf(m Model, d *Data, q WhatIfQuery) (*WhatIfResult, error) {
	if q.TopK < 1 {
		return nil, &Error{Kind: ErrBadParameter, Detail: "top k must be at least 1"}
	}
	u := d.Raw.UnitIndex(q.Unit)
	if u < 0 {
		return nil, &Error{Kind: ErrUnknownUnit, Unit: q.Unit}
	}
	w := &whatIf{m: m, base: d, q: q, u: u, work: &Data{Raw: d.Raw.Clone(), Labels: d.Labels}}
	if err := w.setup(); err != nil {
		return nil, err
	}
	var err error
	res := &WhatIfResult{Query: q, From: w.from, To: NA, Delta: NA, Rounded: NA}
	// The base scores are those of no change unless a missing value
	// starts from the worst one.
	var base point
	if q.Base != nil && (q.Column == "" || !IsNA(w.from)) {
		base, err = w.pointOf(0, q.Base)
	} else {
		base, err = w.evalGap(0)
	}
	if err != nil {
		return nil, err
	}
	res.Rank, res.Score, res.NewRank, res.NewScore = base.rank, base.score, base.rank, base.score
	if w.reaches(base.rank) {
		res.Already, res.Reachable, res.Delta, res.Rounded, res.To = true, true, 0, 0, w.from
		return res, nil
	}
	top, err := w.evalGap(w.limit)
	if err != nil {
		return nil, err
	}
	if !w.reaches(top.rank) {
		res.NewRank = top.rank
		return res, nil
	}
	search := w.bisect
	if q.Tolerance > 0 {
		search = w.guided
	}
	short, best, err := search(base, top)
	if err != nil {
		return nil, err
	}
	hi := best.t
	res.Reachable = true
	res.Delta = w.sign * hi
	res.Rounded = res.Delta
	// The nearest 3-digit value when it works (a threshold met exactly
	// at a round number), else the next one up.
	for _, nice := range []float64{roundSig(hi, 3), roundAway(hi, 3)} {
		if nice > w.limit || nice <= short.t {
			continue // beyond the limit, or known short
		}
		if nice == hi {
			res.Rounded = w.sign * nice
			break
		}
		if p, err := w.evalGap(nice); err == nil && w.reaches(p.rank) {
			res.Rounded = w.sign * nice
			break
		}
	}
	res.NewRank, res.NewScore = best.rank, best.score
	if q.Column != "" {
		res.To = w.from + res.Delta
	}
	return res, nil
}

// point is the state after a change of size t: the unit's rank (overall
// or in its group) and score, and its gaps, the score minus that of the
// unit it must pass to reach place TopK (NaN when there is none). With
// rounded scores the unit ties that unit where its unrounded score comes
// within half a rounding step below the other's rounded one, and passes
// it half a step above: gaps[0] is measured to the first, gaps[1] to the
// second; without rounding both are the plain difference.
type point struct {
	t, rank, score float64
	gaps           [2]float64
}

// reaches tells whether rank is within the top TopK.
func (w *whatIf) reaches(rank float64) bool { return rank <= float64(w.q.TopK) }

// done tells whether the bracket [lo, hi] is as narrow as asked.
func (w *whatIf) done(lo, hi float64) bool {
	mid := lo + (hi-lo)/2
	return mid <= lo || mid >= hi || hi-lo <= 1e-12*math.Max(1, hi) || w.q.Tolerance > 0 && hi-lo <= w.q.Tolerance*hi
}

// bisect narrows [lo, hi] (lo short of place TopK, hi reaching it) by
// halves, to the bracket's floating-point limit or the tolerance, and
// returns the reaching end.
func (w *whatIf) bisect(lo, hi point) (point, point, error) {
	for range 200 {
		if w.done(lo.t, hi.t) {
			break
		}
		p, err := w.evalGap(lo.t + (hi.t-lo.t)/2)
		if err != nil {
			return point{}, point{}, err
		}
		if w.reaches(p.rank) {
			hi = p
		} else {
			lo = p
		}
	}
	return lo, hi, nil
}

// guided narrows [lo, hi] to the tolerance like bisect, but aims at where
// the gap crosses zero. Most scoring rules are linear in an input up to a
// kink (the unit becoming the best, a capped score), so the gap is linear
// near the start and flat or bent beyond the kink, where the search's
// limit lies. The search therefore looks near the start first (a
// sixteenth of the bracket at a time) until it has two points short of
// the crossing, then extrapolates the line through them (the secant),
// or, when that leaves the bracket, interpolates between its ends
// (regula falsi). Around an interpolated crossing it tries a point just
// beyond and one just short, a quarter of the tolerance away, so that a
// linear stretch closes the bracket in two runs (bisection took some
// twenty). The rank, not the gap, decides which end a point replaces, so
// the answer is the same kind as bisect's; when an interpolation fails
// to halve the bracket, or there are no gaps to interpolate (rank-based
// rules), the next step halves it.
func (w *whatIf) guided(lo, hi point) (point, point, error) {
	var prev point // the short point before lo
	havePrev, stalled := false, false
	for range 200 {
		if w.done(lo.t, hi.t) {
			break
		}
		width := hi.t - lo.t
		t, interpolated := lo.t+width/2, false
		switch {
		case stalled:
		case !havePrev:
			t = lo.t + width/16
		default:
			// The tie's crossing first (it comes first), then the pass's.
			for i := range 2 {
				if x, ok := crossing(prev, lo, i); ok && x > lo.t && x < hi.t {
					t, interpolated = x, true
				} else if x, ok := crossing(lo, hi, i); ok && x > lo.t && x < hi.t {
					t, interpolated = x, true
				}
				if interpolated {
					break
				}
			}
		}
		probes := []float64{t}
		if interpolated {
			d := w.q.Tolerance * t / 4
			probes = []float64{math.Min(t+d, hi.t-(hi.t-t)/2), math.Max(t-d, lo.t+(t-lo.t)/2)}
		}
		for _, x := range probes {
			if !(x > lo.t && x < hi.t) {
				continue
			}
			p, err := w.evalGap(x)
			if err != nil {
				return point{}, point{}, err
			}
			if w.reaches(p.rank) {
				hi = p
				continue
			}
			prev, lo, havePrev = lo, p, true
			break // short of the crossing: extrapolate again from here
		}
		stalled = interpolated && hi.t-lo.t > width/2
	}
	return lo, hi, nil
}

// crossing returns where the line through a and b (a.t < b.t) has a zero
// gap i, when the gap rises from a negative value at a.
func crossing(a, b point, i int) (float64, bool) {
	ga, gb := a.gaps[i], b.gaps[i]
	if !(ga < 0 && gb > ga) || math.IsInf(gb, 0) {
		return 0, false
	}
	x := a.t + (b.t-a.t)*(-ga/(gb-ga))
	return x, !math.IsNaN(x)
}

// RankIf returns the unit's score, rank and group rank (NA without groups)
// if its input column were value, the others held fixed.
func RankIf(m Model, d *Data, unit, column string, value float64) (score, rank, groupRank float64, err error) {
	u, c := d.Raw.UnitIndex(unit), d.Raw.ColIndex(column)
	if u < 0 {
		return NA, NA, NA, &Error{Kind: ErrUnknownUnit, Unit: unit}
	}
	if c < 0 {
		return NA, NA, NA, &Error{Kind: ErrUnknownNode, Node: column, Detail: "not an input column"}
	}
	work := &Data{Raw: d.Raw.Clone(), Labels: d.Labels}
	work.Raw.Vals[c][u] = value
	s, err := m.Score(work)
	if err != nil {
		return NA, NA, NA, err
	}
	k := s.unitIndex(unit)
	if k < 0 {
		return NA, NA, NA, &Error{Kind: ErrUnknownUnit, Unit: unit, Detail: "not scored"}
	}
	groupRank = NA
	if s.GroupRank != nil {
		groupRank = s.GroupRank[k]
	}
	return s.Score[k], s.Rank[k], groupRank, nil
}

// whatIf is one query's state: the columns moved, their directions and
// the starting values, and a working copy of the data.
type whatIf struct {
	m          Model
	base, work *Data
	q          WhatIfQuery
	u          int
	cols       []int
	dirs       []float64
	from, sign float64
	start      []float64 // per moved column: the value the change starts from
	limit      float64
	others     []float64 // scratch: the other units' scores
}

func (w *whatIf) setup() error {
	raw := w.base.Raw
	if w.q.Column == "" {
		for c, code := range raw.Cols {
			if d := w.m.Direction(code); d != 0 && !IsNA(raw.Vals[c][w.u]) {
				w.cols, w.dirs, w.start = append(w.cols, c), append(w.dirs, d), append(w.start, raw.Vals[c][w.u])
			}
		}
		if len(w.cols) == 0 {
			return &Error{Kind: ErrBadParameter, Unit: w.q.Unit, Detail: "no input to improve"}
		}
		w.from, w.sign, w.limit = NA, 1, 10
		if w.q.Limit > 0 {
			w.limit = w.q.Limit
		}
		return nil
	}
	c := raw.ColIndex(w.q.Column)
	if c < 0 {
		return &Error{Kind: ErrUnknownNode, Node: w.q.Column, Detail: "not an input column"}
	}
	d := w.m.Direction(w.q.Column)
	if d == 0 {
		return &Error{Kind: ErrBadParameter, Node: w.q.Column, Detail: "not an indicator input with a direction"}
	}
	lo, hi := MinMax(raw.Vals[c])
	if IsNA(lo) {
		return &Error{Kind: ErrBadParameter, Node: w.q.Column, Detail: "no values"}
	}
	x := raw.Vals[c][w.u]
	w.from = x
	if IsNA(x) { // a missing value improves from the worst one
		if x = lo; d < 0 {
			x = hi
		}
	}
	w.cols, w.dirs, w.start, w.sign = []int{c}, []float64{d}, []float64{x}, d
	rng := hi - lo
	if rng == 0 {
		rng = math.Max(math.Abs(hi), 1)
	}
	best := hi
	if d < 0 {
		best = lo
	}
	w.limit = d*(best-x) + 10*rng
	if w.q.Limit > 0 {
		w.limit = w.q.Limit
	}
	return nil
}

// evalGap returns the unit's state after a change of size t.
func (w *whatIf) evalGap(t float64) (point, error) {
	for k, c := range w.cols {
		x := w.start[k]
		if w.q.Column == "" {
			x += w.dirs[k] * t * math.Abs(x)
		} else {
			x += w.dirs[k] * t
		}
		w.work.Raw.Vals[c][w.u] = x
	}
	s, err := w.m.Score(w.work)
	if err != nil {
		return point{}, err
	}
	return w.pointOf(t, s)
}

// pointOf is the unit's state in s, the scores after a change of size t.
func (w *whatIf) pointOf(t float64, s *Scores) (point, error) {
	k := s.unitIndex(w.q.Unit)
	if k < 0 {
		return point{}, &Error{Kind: ErrUnknownUnit, Unit: w.q.Unit, Detail: "not scored"}
	}
	p := point{t: t, rank: s.Rank[k], score: s.Score[k], gaps: [2]float64{NA, NA}}
	if w.q.InGroup {
		if s.GroupRank == nil {
			return point{}, &Error{Kind: ErrBadParameter, Detail: "no peer groups"}
		}
		p.rank = s.GroupRank[k]
	}
	if IsNA(p.rank) {
		p.rank = math.Inf(1)
	}
	// The score of the unit the change must pass: the TopK-th best of
	// the others (in the unit's group).
	others := w.others[:0]
	for j, v := range s.Score {
		if j != k && !IsNA(v) && (!w.q.InGroup || s.Group[j] == s.Group[k]) {
			others = append(others, v)
		}
	}
	w.others = others
	if len(others) >= w.q.TopK && !IsNA(p.score) {
		slices.SortFunc(others, func(a, b float64) int { return cmp.Compare(b, a) })
		c := others[w.q.TopK-1]
		p.gaps = [2]float64{p.score - c, p.score - c}
		if s.Exact != nil && s.Quantum > 0 && !w.q.InGroup {
			p.gaps = [2]float64{s.Exact[k] - (c - s.Quantum/2), s.Exact[k] - (c + s.Quantum/2)}
		}
	}
	return p, nil
}

// roundSig rounds v to n significant digits.
func roundSig(v float64, n int) float64 {
	f, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', n, 64), 64)
	if err != nil {
		return v
	}
	return f
}

// roundAway rounds v > 0 up to n significant digits.
func roundAway(v float64, n int) float64 {
	if v <= 0 || math.IsInf(v, 0) || IsNA(v) {
		return v
	}
	e := math.Floor(math.Log10(v)) - float64(n-1)
	p := math.Pow(10, e)
	r := math.Ceil(v/p) * p
	// Clean the binary noise of the product through its decimal form.
	if f, err := strconv.ParseFloat(strconv.FormatFloat(r, 'g', n, 64), 64); err == nil && f >= v {
		return f
	}
	return r
}
