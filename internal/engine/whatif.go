package engine

import (
	"math"
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
	// the bisection stops (0: as far as doubles go). Callers that show only Rounded (3
	// significant digits, verified) may take 1e-5 and half the runs.
	Tolerance float64
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

// WhatIf answers q by bisection on the size of the change: the unit's rank
// does not worsen as its inputs improve for the usual normalisations, and
// every answer is checked by a final run. With a treatment that caps
// outliers or a rank-based scoring the rank may rise in steps; bisection
// then finds the edge of the step it brackets.
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
	res := &WhatIfResult{Query: q, From: w.from, To: NA, Delta: NA, Rounded: NA}
	rank, score, err := w.eval(0)
	if err != nil {
		return nil, err
	}
	res.Rank, res.Score, res.NewRank, res.NewScore = rank, score, rank, score
	if rank <= float64(q.TopK) {
		res.Already, res.Reachable, res.Delta, res.Rounded, res.To = true, true, 0, 0, w.from
		return res, nil
	}
	hiRank, _, err := w.eval(w.limit)
	if err != nil {
		return nil, err
	}
	if !(hiRank <= float64(q.TopK)) {
		res.NewRank = hiRank
		return res, nil
	}
	lo, hi := 0.0, w.limit
	for range 200 {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi || hi-lo <= 1e-12*math.Max(1, hi) || q.Tolerance > 0 && hi-lo <= q.Tolerance*hi {
			break
		}
		r, _, err := w.eval(mid)
		if err != nil {
			return nil, err
		}
		if r <= float64(q.TopK) {
			hi = mid
		} else {
			lo = mid
		}
	}
	res.Reachable = true
	res.Delta = w.sign * hi
	res.Rounded = res.Delta
	// The nearest 3-digit value when it works (a threshold met exactly
	// at a round number), else the next one up.
	for _, nice := range []float64{roundSig(hi, 3), roundAway(hi, 3)} {
		if nice > w.limit {
			continue
		}
		if r, _, err := w.eval(nice); err == nil && r <= float64(q.TopK) {
			res.Rounded = w.sign * nice
			break
		}
	}
	res.NewRank, res.NewScore, err = w.eval(hi)
	if err != nil {
		return nil, err
	}
	if q.Column != "" {
		res.To = w.from + res.Delta
	}
	return res, nil
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

// eval returns the unit's rank (overall or in its group) and score after
// a change of size t.
func (w *whatIf) eval(t float64) (rank, score float64, err error) {
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
		return NA, NA, err
	}
	k := s.unitIndex(w.q.Unit)
	if k < 0 {
		return NA, NA, &Error{Kind: ErrUnknownUnit, Unit: w.q.Unit, Detail: "not scored"}
	}
	rank = s.Rank[k]
	if w.q.InGroup {
		if s.GroupRank == nil {
			return NA, NA, &Error{Kind: ErrBadParameter, Detail: "no peer groups"}
		}
		rank = s.GroupRank[k]
	}
	if IsNA(rank) {
		rank = math.Inf(1)
	}
	return rank, s.Score[k], nil
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
