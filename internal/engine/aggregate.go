package engine

import "math"

// Aggregate adds to the indicator data d one column per aggregate of t,
// level by level, each the aggregation s of its children with the node
// weights of t (COINr's Aggregate). The result holds d's columns followed
// by the aggregates, level by level in the input order of the hierarchy.
// Missing values follow COINr: amean, gmean and hmean drop them (and
// re-normalise the remaining weights), genmean returns NA for a unit with
// any missing child, and a unit with no value under an aggregate gets NA.
// copeland scores each unit by its weighted pairwise wins minus losses
// against all the others (see copelandScores for COINr's NA handling).
// gmean stops at a value ≤ 0, hmean at a zero, genmean with p < 0 at a
// value ≤ 0, as COINr does: the error (ErrNonPositive) names the aggregate
// and the unit.
func Aggregate(d *Dataset, t *Tree, s AggSpec) (*Dataset, error) {
	return AggregateWeights(d, t, s, nil)
}

// AggregateWeights is Aggregate with the weights w (one per node of t, in
// the order of t.Nodes) in place of the node weights; w == nil uses the node
// weights.
func AggregateWeights(d *Dataset, t *Tree, s AggSpec, w []float64) (*Dataset, error) {
	a, err := NewAggregator(t, d.Cols, s)
	if err != nil {
		return nil, err
	}
	return a.Run(d, w)
}

// Aggregator is an aggregation prepared once for a tree and a column layout
// so that it can be applied many times (robustness analysis) with different
// weights and without re-resolving the hierarchy. It is immutable and may be
// used by several goroutines at once.
type Aggregator struct {
	t       *Tree
	spec    AggSpec
	cols    []string // output columns: the input columns, then the aggregates
	nIn     int      // number of input columns
	groups  []aggGroup
	maxKids int
}

// aggGroup is one aggregate: where it goes and what it aggregates.
type aggGroup struct {
	node int   // index in t.Nodes
	out  int   // output column
	in   []int // output columns of the children
	kids []int // node indices of the children, for the weights
}

// NewAggregator prepares the aggregation s of t over data sets whose
// columns are cols (which must hold every indicator of t and no aggregate).
func NewAggregator(t *Tree, cols []string, s AggSpec) (*Aggregator, error) {
	switch s.Method {
	case "amean", "gmean", "hmean", "copeland":
	case "genmean":
		if s.P == 0 || IsNA(s.P) || math.IsInf(s.P, 0) {
			return nil, &Error{Kind: ErrBadParameter, Detail: "genmean needs a finite p ≠ 0 (p = 0 is gmean)"}
		}
	default:
		return nil, &Error{Kind: ErrUnknownMethod, Detail: "aggregate " + s.Method}
	}
	a := &Aggregator{t: t, spec: s, nIn: len(cols)}
	a.cols = append(make([]string, 0, len(cols)+len(t.Nodes)-len(t.Indicators)), cols...)
	at := make(map[string]int, len(t.Nodes))
	for c, code := range cols {
		at[code] = c
	}
	for _, i := range t.Indicators {
		if _, ok := at[t.Nodes[i].Code]; !ok {
			return nil, &Error{Kind: ErrUnknownNode, Node: t.Nodes[i].Code, Detail: "not in the data"}
		}
	}
	for _, level := range t.Levels {
		for _, i := range level {
			code := t.Nodes[i].Code
			if _, dup := at[code]; dup {
				return nil, &Error{Kind: ErrDuplicateNode, Node: code, Detail: "aggregate already in the data"}
			}
			g := aggGroup{node: i, out: len(a.cols), kids: t.Children[i]}
			for _, k := range t.Children[i] {
				g.in = append(g.in, at[t.Nodes[k].Code])
			}
			at[code] = g.out
			a.cols = append(a.cols, code)
			a.groups = append(a.groups, g)
			a.maxKids = max(a.maxKids, len(g.in))
		}
	}
	return a, nil
}

// Cols returns the columns of the data sets the Aggregator produces.
func (a *Aggregator) Cols() []string { return a.cols }

// Run aggregates d with the weights w (one per node of the tree, nil for
// the node weights) into a new data set.
func (a *Aggregator) Run(d *Dataset, w []float64) (*Dataset, error) {
	dst := NewDataset(d.Units, a.cols)
	if err := a.Apply(dst, d, w); err != nil {
		return nil, err
	}
	return dst, nil
}

// Apply is Run writing into dst, which must have the Aggregator's columns
// and d's units (e.g. made once with NewDataset(d.Units, a.Cols())). Input
// columns of dst that already share their storage with d are not copied, so
// a caller looping over weight sets can set dst.Vals[c] = d.Vals[c] for the
// input columns once and only pay for the aggregates.
func (a *Aggregator) Apply(dst, d *Dataset, w []float64) error {
	n := len(d.Units)
	if len(d.Cols) != a.nIn || len(dst.Cols) != len(a.cols) || len(dst.Units) != n {
		return &Error{Kind: ErrBadParameter, Detail: "aggregator: data set shape does not match"}
	}
	if w == nil {
		w = make([]float64, len(a.t.Nodes))
		for i, nd := range a.t.Nodes {
			w[i] = nd.Weight
		}
	} else if len(w) != len(a.t.Nodes) {
		return &Error{Kind: ErrBadParameter, Detail: "aggregator: one weight per node expected"}
	}
	for c := 0; c < a.nIn; c++ {
		if n > 0 && &dst.Vals[c][0] != &d.Vals[c][0] {
			copy(dst.Vals[c], d.Vals[c])
		}
	}
	xs := make([][]float64, a.maxKids)
	ws := make([]float64, 2*a.maxKids)
	for _, g := range a.groups {
		k := len(g.in)
		x, wk := xs[:k], ws[:k]
		for j, c := range g.in {
			x[j] = dst.Vals[c]
			wk[j] = w[g.kids[j]]
			if IsNA(wk[j]) || wk[j] < 0 {
				return &Error{Kind: ErrNegativeWeight, Node: a.t.Nodes[g.kids[j]].Code}
			}
		}
		out := dst.Vals[g.out]
		var bad int
		switch a.spec.Method {
		case "amean":
			ameanRows(out, x, wk, ws[k:2*k])
			bad = -1
		case "gmean":
			bad = gmeanRows(out, x, wk)
		case "hmean":
			bad = hmeanRows(out, x, wk)
		case "genmean":
			bad = genmeanRows(out, x, wk, a.spec.P)
		case "copeland":
			copelandScores(out, x, wk)
			bad = -1
		}
		if bad >= 0 {
			return &Error{Kind: ErrNonPositive, Node: a.t.Nodes[g.node].Code, Unit: d.Units[bad], Detail: a.spec.Method}
		}
	}
	return nil
}

// ameanRows is COINr's a_amean per unit: the weights of the present values,
// divided by their sum, times the values. wn is scratch of len(w).
func ameanRows(out []float64, x [][]float64, w, wn []float64) {
	var sw rsum
	for _, v := range w {
		sw.add(v)
	}
	for j, v := range w {
		wn[j] = v / sw.value()
	}
	for u := range out {
		full := true
		for _, col := range x {
			if IsNA(col[u]) {
				full = false
				break
			}
		}
		var acc rsum
		if full { // the common case: the normalised weights are known
			for j, col := range x {
				acc.add(wn[j] * col[u])
			}
			out[u] = acc.value()
			continue
		}
		var s rsum
		n := 0
		for j, col := range x {
			if !IsNA(col[u]) {
				s.add(w[j])
				n++
			}
		}
		if n == 0 {
			out[u] = NA
			continue
		}
		for j, col := range x {
			if !IsNA(col[u]) {
				acc.add(w[j] / s.value() * col[u])
			}
		}
		out[u] = acc.value()
	}
}

// rsum adds like R's sum(), which accumulates in extended precision: a
// compensated (TwoSum) sum returns the correctly rounded total in all but
// pathological cases, as R's long double does for the few terms of an
// aggregation group. It matters for ties: two units whose children are the
// same values in another order get exactly the same score, as in COINr.
type rsum struct{ s, c float64 }

func (r *rsum) add(p float64) {
	// The explicit conversion rounds p (often a product at the call site)
	// before the sum: otherwise arm64 fuses the multiply and the add into
	// one FMA, and the error term below no longer matches the rounding
	// that happened (the Go spec allows fusion across statements; only a
	// conversion stops it).
	p = float64(p)
	t := r.s + p
	bp := t - r.s
	r.c += (r.s - (t - bp)) + (p - bp)
	r.s = t
}

func (r *rsum) value() float64 { return r.s + r.c }

// gmeanRows is COINr's a_gmean per unit. It returns the first unit with a
// value ≤ 0 (COINr stops there), or -1.
func gmeanRows(out []float64, x [][]float64, w []float64) int {
	for u := range out {
		var sl, sw rsum
		n := 0
		for j, col := range x {
			v := col[u]
			if IsNA(v) {
				continue
			}
			if v <= 0 {
				return u
			}
			sl.add(w[j] * math.Log(v))
			sw.add(w[j])
			n++
		}
		if n == 0 {
			out[u] = NA
			continue
		}
		out[u] = math.Exp(sl.value() / sw.value())
	}
	return -1
}

// hmeanRows is COINr's a_hmean per unit. It returns the first unit with a
// zero value (COINr stops there; negative values pass), or -1.
func hmeanRows(out []float64, x [][]float64, w []float64) int {
	for u := range out {
		var sw, sr rsum
		n := 0
		for j, col := range x {
			v := col[u]
			if IsNA(v) {
				continue
			}
			if v == 0 {
				return u
			}
			sw.add(w[j])
			sr.add(w[j] / v)
			n++
		}
		if n == 0 {
			out[u] = NA
			continue
		}
		out[u] = sw.value() / sr.value()
	}
	return -1
}

// genmeanRows is COINr's a_genmean per unit: (Σ w x^p / Σ w)^(1/p), NA when
// any value is missing (COINr sums without removing NAs). With p < 0 a value
// ≤ 0 stops it: the first such unit is returned, else -1.
func genmeanRows(out []float64, x [][]float64, w []float64, p float64) int {
	for u := range out {
		var s, sw rsum
		n, na := 0, false
		for j, col := range x {
			v := col[u]
			if IsNA(v) {
				na = true
				continue
			}
			if p < 0 && v <= 0 {
				return u
			}
			s.add(w[j] * rpow(v, p))
			sw.add(w[j])
			n++
		}
		if n == 0 || na {
			out[u] = NA
			continue
		}
		out[u] = rpow(s.value()/sw.value(), 1/p)
	}
	return -1
}

// rpow is R's x^y: x*x for y = 2, as R computes it, else pow.
func rpow(x, y float64) float64 {
	if y == 2 {
		return x * x
	}
	return math.Pow(x, y)
}
