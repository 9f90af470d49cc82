package engine

import "math"

// The replicates of a robustness analysis spend their time aggregating.
// Aggregator.Apply works unit by unit, and its compensated sums (rsum)
// form a chain of dependent additions per unit, which the processor cannot
// overlap. Here amean and gmean run column by column instead: every unit's
// sum advances one child at a time, so the additions of different units
// are independent and pipeline. Each unit still sees exactly the same
// operations in the same order as in ameanRows and gmeanRows, so the
// results are bit for bit those of Apply (robust_test.go checks it); a
// unit with a missing child, whose weights are re-normalised, is redone by
// the row functions themselves. gmean also takes the logarithms of the
// indicator columns from the precomputed data set instead of recomputing
// them in every replicate.

// aggScratch is the working memory of the column-wise aggregation.
type aggScratch struct {
	s, c   []float64   // compensated sum per unit
	lg     []float64   // logarithms of one aggregate column
	ws, wn []float64   // a group's weights
	one    [][]float64 // one unit's children, for the row functions
}

func (sc *aggScratch) grow(n, k int) {
	if cap(sc.s) < n {
		sc.s, sc.c, sc.lg = make([]float64, n), make([]float64, n), make([]float64, n)
	}
	if cap(sc.ws) < k {
		sc.ws, sc.wn, sc.one = make([]float64, k), make([]float64, k), make([][]float64, k)
	}
}

// aggregate aggregates the combo's data into dst (whose input columns are
// bound to the combo's) with the alternative ai and the weights w.
func (r *Robustness) aggregate(sc *aggScratch, ai int, dst *Dataset, cb *combo, w []float64) error {
	a := r.aggs[ai]
	for c := 0; c < a.nIn; c++ {
		dst.Vals[c] = cb.data.Vals[c]
	}
	switch a.spec.Method {
	case "amean":
		return a.ameanCols(dst, w, sc)
	case "gmean":
		if cb.nonpos >= 0 {
			return &Error{Kind: ErrNonPositive, Node: cb.data.Cols[cb.nonpos], Unit: nonposUnit(cb.data, cb.nonpos), Detail: "gmean"}
		}
		return a.gmeanCols(dst, w, cb.logs, sc)
	}
	return a.Apply(dst, cb.data, w)
}

// groupWeights copies the weights of g's children into ws and checks them
// as Apply does.
func (a *Aggregator) groupWeights(g aggGroup, w, ws []float64) ([]float64, error) {
	ws = ws[:len(g.in)]
	for j, k := range g.kids {
		ws[j] = w[k]
		if IsNA(ws[j]) || ws[j] < 0 {
			return nil, &Error{Kind: ErrNegativeWeight, Node: a.t.Nodes[k].Code}
		}
	}
	return ws, nil
}

// ameanCols is Apply for amean, column by column.
func (a *Aggregator) ameanCols(dst *Dataset, w []float64, sc *aggScratch) error {
	n := len(dst.Units)
	sc.grow(n, a.maxKids)
	s, cc := sc.s[:n], sc.c[:n]
	for _, g := range a.groups {
		wk, err := a.groupWeights(g, w, sc.ws)
		if err != nil {
			return err
		}
		var sw rsum
		for _, v := range wk {
			sw.add(v)
		}
		clear(s)
		clear(cc)
		for j, col := range g.in {
			f := wk[j] / sw.value()
			x := dst.Vals[col][:n]
			for u, xu := range x {
				p := f * xu
				su := s[u]
				t := su + p
				bp := t - su
				cc[u] += (su - (t - bp)) + (p - bp)
				s[u] = t
			}
		}
		out := dst.Vals[g.out][:n]
		for u := range out {
			if out[u] = s[u] + cc[u]; IsNA(out[u]) {
				ameanRows(out[u:u+1], a.unitChildren(dst, g, u, sc), wk, sc.wn[:len(wk)])
			}
		}
	}
	return nil
}

// gmeanCols is Apply for gmean, column by column; logs holds the
// logarithms of the input columns.
func (a *Aggregator) gmeanCols(dst *Dataset, w []float64, logs [][]float64, sc *aggScratch) error {
	n := len(dst.Units)
	sc.grow(n, a.maxKids)
	s, cc, lg := sc.s[:n], sc.c[:n], sc.lg[:n]
	for _, g := range a.groups {
		wk, err := a.groupWeights(g, w, sc.ws)
		if err != nil {
			return err
		}
		var sw rsum
		for _, v := range wk {
			sw.add(v)
		}
		clear(s)
		clear(cc)
		for j, col := range g.in {
			lx := lg
			if col < a.nIn {
				lx = logs[col][:n]
			} else {
				for u, v := range dst.Vals[col][:n] {
					if v <= 0 {
						return &Error{Kind: ErrNonPositive, Node: a.t.Nodes[g.node].Code, Unit: dst.Units[u], Detail: "gmean"}
					}
					lg[u] = math.Log(v)
				}
			}
			wj := wk[j]
			for u, l := range lx {
				p := wj * l
				su := s[u]
				t := su + p
				bp := t - su
				cc[u] += (su - (t - bp)) + (p - bp)
				s[u] = t
			}
		}
		out := dst.Vals[g.out][:n]
		for u := range out {
			if out[u] = math.Exp((s[u] + cc[u]) / sw.value()); IsNA(out[u]) {
				if bad := gmeanRows(out[u:u+1], a.unitChildren(dst, g, u, sc), wk); bad >= 0 {
					return &Error{Kind: ErrNonPositive, Node: a.t.Nodes[g.node].Code, Unit: dst.Units[u], Detail: "gmean"}
				}
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
