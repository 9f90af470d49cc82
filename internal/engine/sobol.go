package engine

import (
	"context"
	"math"
	"math/rand/v2"
)

// SobolIndex is the sensitivity of the output to one uncertain input:
// first-order (Si) and total (STi) Sobol indices and, with a bootstrap,
// their 5% and 95% quantiles (NA without).
type SobolIndex struct {
	Variable                   string
	Si, STi                    float64
	SiQ5, SiQ95, STiQ5, STiQ95 float64
}

// SobolResult is a variance-based sensitivity analysis of the target's
// ranks (COINr's get_sensitivity with SA_type = "SA").
type SobolResult struct {
	// Stats are the rank statistics of the 2N runs of the matrices A and
	// B, which are independent random replicates, as COINr reports them.
	Stats *RankStats
	// Y is the output of every run, in the order of the design (A, B, then
	// A_B^i per input): the mean absolute rank shift from the nominal
	// ranks over the units ranked in both, NA for a failed run.
	Y        []float64
	Indices  []SobolIndex
	Variance float64 // of the outputs of A and B
	// Dropped counts the base rows left out of the estimates because one
	// of their d+2 runs failed (COINr would return NA indices instead).
	Dropped int
}

// Sobol runs a Saltelli design of base size o.N over the uncertain inputs
// (o.N·(d+2) runs for d inputs) and estimates first-order and total
// indices of the mean absolute rank shift with Jansen's estimators, with
// nboot bootstrap resamples for their intervals (0: none).
func (r *Robustness) Sobol(ctx context.Context, o RunOptions, nboot int) (*SobolResult, error) {
	d := len(r.vars)
	if d < 2 {
		return nil, &Error{Kind: ErrBadParameter, Detail: "a sensitivity analysis needs at least two uncertain inputs"}
	}
	if o.N < 2 || nboot < 0 {
		return nil, &Error{Kind: ErrBadParameter, Detail: "the base sample needs at least 2 rows and the bootstrap a non-negative size"}
	}
	n := o.N
	y := make([]float64, n*(d+2))
	acc := newRankAcc(len(r.units), 2*n, o.KeepRanks)
	choose := func(k int, wk *robustWork) {
		saltelliPoint(o.Seed, k, n, wk.x, wk.xa, wk.xb)
		r.decode(wk.x, wk)
	}
	after := func(k int, wk *robustWork, ok bool) {
		y[k] = NA
		if ok {
			y[k] = meanAbsShift(wk.out, r.nomRank)
		}
	}
	f, err := r.runMany(ctx, o.Workers, len(y), 2*n, choose, after, acc)
	if err != nil {
		return nil, err
	}
	res := &SobolResult{Stats: r.rankStats(acc, o, f), Y: y}
	yAB := make([][]float64, d)
	for i := range yAB {
		yAB[i] = y[(2+i)*n : (3+i)*n]
	}
	res.Indices, res.Variance, res.Dropped = SobolIndices(y[:n], y[n:2*n], yAB, nboot, o.Seed)
	for i, name := range r.Variables() {
		res.Indices[i].Variable = name
	}
	return res, nil
}

// meanAbsShift is the mean over units ranked in both of |rank − nominal|
// (ranks 0 = not ranked; nominal NA = not ranked).
func meanAbsShift(ranks []int32, nominal []float64) float64 {
	s, m := 0.0, 0
	for u, rk := range ranks {
		if rk > 0 && !IsNA(nominal[u]) {
			s += math.Abs(float64(rk) - nominal[u])
			m++
		}
	}
	if m == 0 {
		return NA
	}
	return s / float64(m)
}

// SobolIndices estimates first-order and total Sobol indices from the
// outputs of a Saltelli design: yA and yB (the base matrices, N each) and
// yAB[i] (A with input i from B). With V the sample variance of yA and yB
// together, Jansen's estimators are
//
//	Si  = 1 − Σ_j (yB_j − yAB_ij)² / (2N·V)
//	STi = Σ_j (yA_j − yAB_ij)² / (2N·V)
//
// (COINr uses Jansen's STi too, and Saltelli's 2010 estimator
// Σ yB_j (yAB_ij − yA_j) / (N·V) for Si.) Base rows j with a missing output
// are left out; their number is returned. With nboot > 0 the rows are
// resampled with replacement nboot times (the same rows for every input;
// V fixed, as in COINr) to give the 5% and 95% quantiles of each index;
// the resampling is seeded by seed.
func SobolIndices(yA, yB []float64, yAB [][]float64, nboot int, seed uint64) (ind []SobolIndex, variance float64, dropped int) {
	d := len(yAB)
	var rows []int
	for j := range yA {
		ok := !IsNA(yA[j]) && !IsNA(yB[j])
		for i := 0; i < d && ok; i++ {
			ok = !IsNA(yAB[i][j])
		}
		if ok {
			rows = append(rows, j)
		}
	}
	dropped = len(yA) - len(rows)
	both := make([]float64, 0, 2*len(rows))
	for _, j := range rows {
		both = append(both, yA[j])
	}
	for _, j := range rows {
		both = append(both, yB[j])
	}
	variance = SD(both)
	variance *= variance
	// first[i][k] and total[i][k] are the terms of row rows[k].
	first, total := make([][]float64, d), make([][]float64, d)
	ind = make([]SobolIndex, d)
	for i := range ind {
		first[i], total[i] = make([]float64, len(rows)), make([]float64, len(rows))
		for k, j := range rows {
			b, t := yB[j]-yAB[i][j], yA[j]-yAB[i][j]
			first[i][k], total[i][k] = b*b, t*t
		}
		ind[i] = SobolIndex{Si: jansenFirst(first[i], nil, variance), STi: jansenTotal(total[i], nil, variance),
			SiQ5: NA, SiQ95: NA, STiQ5: NA, STiQ95: NA}
	}
	if nboot == 0 || len(rows) == 0 {
		return ind, variance, dropped
	}
	p := streamFor(seed, 0x626f6f74) // "boot"
	rng := rand.New(&p)
	idx := make([]int, len(rows))
	si, sti := make([][]float64, d), make([][]float64, d)
	for b := 0; b < nboot; b++ {
		for k := range idx {
			idx[k] = rng.IntN(len(rows))
		}
		for i := 0; i < d; i++ {
			si[i] = append(si[i], jansenFirst(first[i], idx, variance))
			sti[i] = append(sti[i], jansenTotal(total[i], idx, variance))
		}
	}
	for i := range ind {
		ind[i].SiQ5, ind[i].SiQ95 = Quantile(si[i], 0.05), Quantile(si[i], 0.95)
		ind[i].STiQ5, ind[i].STiQ95 = Quantile(sti[i], 0.05), Quantile(sti[i], 0.95)
	}
	return ind, variance, dropped
}

// sumAt sums x over the indices idx (all of x when idx is nil).
func sumAt(x []float64, idx []int) float64 {
	s := 0.0
	if idx == nil {
		for _, v := range x {
			s += v
		}
		return s
	}
	for _, k := range idx {
		s += x[k]
	}
	return s
}

func jansenFirst(sq []float64, idx []int, v float64) float64 {
	return 1 - sumAt(sq, idx)/(2*float64(len(sq))*v)
}

func jansenTotal(sq []float64, idx []int, v float64) float64 {
	return sumAt(sq, idx) / (2 * float64(len(sq)) * v)
}
