package engine

import "math"

// The replicates of a robustness analysis spend their time aggregating, and
// two things make that fast here.
//
// Reuse: an aggregate depends only on its children's values and weights.
// The nominal aggregation of every precomputed data set is kept (aggCache);
// a replicate reuses each aggregate whose children are reused (or are
// indicators) and carry their nominal weights. When only the weights of
// levels 2 and 3 vary, the pillars are never recomputed, and a replicate
// recomputes 4 of 16 aggregates at national scale.
//
// Column order: Aggregator.Apply works unit by unit, and its compensated
// sums (rsum) form a chain of dependent additions per unit, which the
// processor cannot overlap. Here amean and gmean run column by column, so
// the additions of different units are independent and pipeline. Each unit
// still sees exactly the same operations in the same order as in ameanRows
// and gmeanRows, so the results are bit for bit those of Apply
// (robust_test.go checks it); a unit whose result is not finite (a missing
// child, whose weights are then re-normalised) is redone by the row
// functions themselves. gmean takes the logarithms of the indicators and
// of reused aggregates from the precomputed data instead of recomputing
// them.

// aggCache is the nominal aggregation of one precomputed data set with one
// aggregation alternative.
type aggCache struct {
	vals   [][]float64 // per column of the aggregated data set; nil for the inputs
	logs   [][]float64 // gmean: the logarithms of vals
	nonpos []bool      // gmean: the column has a value ≤ 0
	err    error
}

// aggScratch is the working memory of the column-wise aggregation.
type aggScratch struct {
	s, c   []float64   // compensated sum per unit
	lg     []float64   // logarithms of one recomputed aggregate column
	ws, wn []float64   // a group's weights
	one    [][]float64 // one unit's children, for the row functions
	lx     [][]float64 // logarithms of a group's children
	fresh  []bool      // per column: recomputed in this replicate
}

func (sc *aggScratch) grow(n, k, cols int) {
	if cap(sc.s) < n {
		sc.s, sc.c, sc.lg = make([]float64, n), make([]float64, n), make([]float64, n)
	}
	if cap(sc.ws) < k {
		sc.ws, sc.wn, sc.one, sc.lx = make([]float64, k), make([]float64, k), make([][]float64, k), make([][]float64, k)
	}
	if cap(sc.fresh) < cols {
		sc.fresh = make([]bool, cols)
	}
}

// aggregateInto aggregates the data of cb into dst with a and the weights
// w. own holds dst's own storage for every column; the input columns are
// bound to cb's data and the reused aggregates to cache's (nil: reuse
// nothing).
func (a *Aggregator) aggregateInto(dst *Dataset, own [][]float64, cb *combo, w, nomW []float64, cache *aggCache, sc *aggScratch) error {
	for c := range dst.Vals {
		if c < a.nIn {
			dst.Vals[c] = cb.data.Vals[c]
		} else {
			dst.Vals[c] = own[c]
		}
	}
	m := a.spec.Method
	if m != "amean" && m != "gmean" {
		return a.Apply(dst, cb.data, w)
	}
	if m == "gmean" && cb.nonpos >= 0 {
		return &Error{Kind: ErrNonPositive, Node: cb.data.Cols[cb.nonpos], Unit: nonposUnit(cb.data, cb.nonpos), Detail: "gmean"}
	}
	n := len(dst.Units)
	sc.grow(n, a.maxKids, len(dst.Vals))
	fresh := sc.fresh[:len(dst.Vals)]
	clear(fresh)
	for _, g := range a.groups {
		if cache != nil && reusable(g, w, nomW, fresh) {
			dst.Vals[g.out] = cache.vals[g.out]
			continue
		}
		fresh[g.out] = true
		wk := sc.ws[:len(g.in)]
		for j, k := range g.kids {
			wk[j] = w[k]
			if IsNA(wk[j]) || wk[j] < 0 {
				return &Error{Kind: ErrNegativeWeight, Node: a.t.Nodes[k].Code}
			}
		}
		var sw rsum
		for _, v := range wk {
			sw.add(v)
		}
		out := dst.Vals[g.out][:n]
		if m == "amean" {
			xs := sc.lx[:len(g.in)]
			for j, col := range g.in {
				xs[j] = dst.Vals[col][:n]
			}
			ameanCols(out, xs, wk, sw.value(), sc)
			for u, v := range out {
				if v-v != 0 { // NaN or ±Inf: redo as Apply does
					ameanRows(out[u:u+1], a.unitChildren(dst, g, u, sc), wk, sc.wn[:len(wk)])
				}
			}
			continue
		}
		lx := sc.lx[:len(g.in)]
		for j, col := range g.in {
			switch {
			case col < a.nIn:
				lx[j] = cb.logs[col][:n]
			case !fresh[col]:
				if cache.nonpos[col] {
					return &Error{Kind: ErrNonPositive, Node: a.t.Nodes[g.node].Code, Detail: "gmean"}
				}
				lx[j] = cache.logs[col][:n]
			default:
				lx[j] = nil // recomputed: gmeanGroup takes its logarithms
			}
		}
		if err := a.gmeanGroup(dst, g, out, lx, wk, sw.value(), sc); err != nil {
			return err
		}
	}
	return nil
}

// reusable reports whether group g can take its nominal values: every
// child is an input or reused, with its nominal weight.
func reusable(g aggGroup, w, nomW []float64, fresh []bool) bool {
	for j, col := range g.in {
		if fresh[col] || w[g.kids[j]] != nomW[g.kids[j]] {
			return false
		}
	}
	return true
}

// ameanCols accumulates Σ_j (w_j/sw)·x_j per unit with rsum's operations.
func ameanCols(out []float64, xs [][]float64, wk []float64, sw float64, sc *aggScratch) {
	n := len(out)
	s, cc := sc.s[:n], sc.c[:n]
	clear(s)
	clear(cc)
	for j, x := range xs {
		f := wk[j] / sw
		for u, xu := range x[:n] {
			p := float64(f * xu) // rounded: no FMA fusion on arm64 (see rsum.add)
			su := s[u]
			t := su + p
			bp := t - su
			cc[u] += (su - (t - bp)) + (p - bp)
			s[u] = t
		}
	}
	for u := range out {
		out[u] = s[u] + cc[u]
	}
}

// gmeanGroup computes the gmean of group g into out; lx[j] holds the
// logarithms of child j, or nil when they must be computed here.
func (a *Aggregator) gmeanGroup(dst *Dataset, g aggGroup, out []float64, lx [][]float64, wk []float64, sw float64, sc *aggScratch) error {
	n := len(out)
	s, cc, lg := sc.s[:n], sc.c[:n], sc.lg[:n]
	clear(s)
	clear(cc)
	for j, col := range g.in {
		l := lx[j]
		if l == nil {
			for u, v := range dst.Vals[col][:n] {
				if v <= 0 {
					return &Error{Kind: ErrNonPositive, Node: a.t.Nodes[g.node].Code, Unit: dst.Units[u], Detail: "gmean"}
				}
				lg[u] = math.Log(v)
			}
			l = lg
		}
		wj := wk[j]
		for u, lu := range l[:n] {
			p := float64(wj * lu) // rounded: no FMA fusion on arm64 (see rsum.add)
			su := s[u]
			t := su + p
			bp := t - su
			cc[u] += (su - (t - bp)) + (p - bp)
			s[u] = t
		}
	}
	for u := range out {
		if out[u] = math.Exp((s[u] + cc[u]) / sw); IsNA(out[u]) {
			if bad := gmeanRows(out[u:u+1], a.unitChildren(dst, g, u, sc), wk); bad >= 0 {
				return &Error{Kind: ErrNonPositive, Node: a.t.Nodes[g.node].Code, Unit: dst.Units[u], Detail: "gmean"}
			}
		}
	}
	return nil
}

// unitChildren returns the values of unit u's children in g as one-value
// columns, for the row functions.
func (a *Aggregator) unitChildren(dst *Dataset, g aggGroup, u int, sc *aggScratch) [][]float64 {
	one := sc.one[:len(g.in)]
	for j, col := range g.in {
		one[j] = dst.Vals[col][u : u+1]
	}
	return one
}

// newAggCache aggregates cb nominally with a and keeps every aggregate
// (and, for gmean, their logarithms).
func (a *Aggregator) newAggCache(cb *combo, nomW []float64) *aggCache {
	dst := NewDataset(cb.data.Units, a.cols)
	own := append([][]float64(nil), dst.Vals...)
	var sc aggScratch
	if err := a.aggregateInto(dst, own, cb, nomW, nomW, nil, &sc); err != nil {
		return &aggCache{err: err}
	}
	c := &aggCache{vals: make([][]float64, len(a.cols))}
	for col := a.nIn; col < len(a.cols); col++ {
		c.vals[col] = dst.Vals[col]
	}
	if a.spec.Method == "gmean" {
		c.logs, c.nonpos = make([][]float64, len(a.cols)), make([]bool, len(a.cols))
		for col := a.nIn; col < len(a.cols); col++ {
			c.logs[col] = make([]float64, len(dst.Units))
			for u, v := range dst.Vals[col] {
				c.nonpos[col] = c.nonpos[col] || v <= 0
				c.logs[col][u] = math.Log(v)
			}
		}
	}
	return c
}

// logColumns returns the natural logarithm of every column of d and the
// first column holding a present value ≤ 0 (-1 if none), on which gmean
// stops.
func logColumns(d *Dataset) ([][]float64, int) {
	nonpos := -1
	logs := make([][]float64, len(d.Cols))
	for c, x := range d.Vals {
		logs[c] = make([]float64, len(x))
		for u, v := range x {
			if v <= 0 && nonpos < 0 {
				nonpos = c
			}
			logs[c][u] = math.Log(v)
		}
	}
	return logs, nonpos
}

// nonposUnit names the first unit of column c with a value ≤ 0.
func nonposUnit(d *Dataset, c int) string {
	for u, v := range d.Vals[c] {
		if v <= 0 {
			return d.Units[u]
		}
	}
	return ""
}
