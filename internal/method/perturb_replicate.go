package method

import (
	"math"

	"github.com/qiangxian/qiangxian/internal/engine"
)

// work is one goroutine's working memory.
type work struct {
	w     []float64
	dst   []*engine.Dataset // per type: members × aggregated columns
	score [][]float64       // per type, per member
	tb    [][]float64       // per tie-break node, per unit
}

func (r *Runner) newWork() *work {
	wk := &work{w: make([]float64, r.nNodes)}
	for range r.types {
		wk.dst, wk.score = append(wk.dst, nil), append(wk.score, nil)
	}
	for range r.m.TieBreak {
		wk.tb = append(wk.tb, make([]float64, len(r.units)))
	}
	return wk
}

// replicate runs choice c: every type's aggregation with the perturbed
// weights, the deductions and rounding, then the overall score and rank as
// Outcome.overall computes them.
func (r *Runner) replicate(wk *work, c *choice) (scores, ranks []float64, err error) {
	wt := c.wt
	if wt.err != nil {
		return nil, nil, wt.err
	}
	for t, rt := range r.types {
		d := c.set.byType[t]
		copy(wk.w, wt.w[t])
		if c.mult != nil {
			for i, f := range c.mult {
				wk.w[i] *= f
			}
		}
		if c.leave >= 0 {
			wk.w[c.leave] = 0
		}
		if wk.dst[t] == nil {
			wk.dst[t] = engine.NewDataset(d.Units, wt.aggs[t].Cols())
			wk.score[t] = make([]float64, len(rt.members))
		}
		dst := wk.dst[t]
		// Bind the inputs so that Apply computes only the aggregates.
		copy(dst.Vals, d.Vals)
		if err := wt.aggs[t].Apply(dst, d, wk.w); err != nil {
			return nil, nil, err
		}
		top := dst.Vals[wt.root]
		for k, u := range rt.members {
			wk.score[t][k] = r.round(top[k] - r.deduction[u])
		}
	}
	scores = make([]float64, len(r.units))
	var sc [8]float64
	for u, refs := range r.unitTypes {
		all := sc[:0]
		sum, best := 0.0, -1
		for j, ref := range refs {
			all = append(all, wk.score[ref.t][ref.row])
			sum += all[j]
			if best < 0 || all[j] > all[best] {
				best = j
			}
		}
		chosen := 0
		switch r.m.Overall {
		case "max":
			chosen = best
		case "mean":
			chosen = -1
		}
		if chosen >= 0 {
			scores[u] = all[chosen]
			refs = refs[chosen : chosen+1]
		} else {
			scores[u] = r.round(sum / float64(len(all)))
		}
		for k, col := range wt.tie {
			s := 0.0
			for _, ref := range refs {
				s += wk.dst[ref.t].Vals[col][ref.row]
			}
			wk.tb[k][u] = s / float64(len(refs))
		}
	}
	return scores, rankKeys(append([][]float64{scores}, wk.tb...)), nil
}

// round is the method's rounding (round, half away from zero on the
// shortest decimal form), fast where the result is plain: when v·10^d is
// far from a half, the nearest integer of the binary product is that of
// the decimal one, and q/10^d is then the same correctly rounded quotient
// that round computes with big rationals.
func (r *Runner) round(v float64) float64 {
	d := r.m.Decimals
	if d < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	x := v * r.scale
	if f := x - math.Floor(x); math.Abs(x) < 1e9 && math.Abs(f-0.5) > 1e-6 {
		if q := math.Round(x); q != 0 {
			return q / r.scale
		}
		return 0 // not −0: round gives +0
	}
	return round(v, d)
}
