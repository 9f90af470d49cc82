package engine

import (
	"math"
	"slices"
	"sync"
)

// rankAcc accumulates the ranks of n units over rows replicates as they
// stream in, in whichever exact form is smaller:
//
//   - a matrix of every replicate's ranks (rows × n int32), when the
//     replicates are no more than the units or when all ranks are kept;
//   - otherwise a histogram per unit of how often it took each rank
//     (n × n uint32), from which means and R's type-7 quantiles are exact,
//     since ranks are integers from 1 to n.
//
// Memory is therefore at most 4·n·min(rows, n) bytes (32 MB for 2,844
// counties, whatever the number of replicates) unless the ranks are kept.
// Both forms give identical statistics, and neither depends on the order
// in which replicates arrive, so the output does not depend on the number
// of workers.
type rankAcc struct {
	mu     sync.Mutex
	n      int
	rows   int
	failed int
	mat    []int32  // rows × n, when not nil
	hist   []uint32 // n × n: hist[u*n + rank-1], when not nil
}

func newRankAcc(n, rows int, keep bool) *rankAcc {
	a := &rankAcc{n: n, rows: rows}
	if keep || rows <= n {
		a.mat = make([]int32, rows*n)
	} else {
		a.hist = make([]uint32, n*n)
	}
	return a
}

// add records the ranks flat (one row of n per index in idx; 0 = not
// ranked) and the number of failed replicates among them.
func (a *rankAcc) add(idx []int, flat []int32, failed int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.failed += failed
	if a.mat != nil {
		for k, i := range idx {
			copy(a.mat[i*a.n:(i+1)*a.n], flat[k*a.n:(k+1)*a.n])
		}
		return
	}
	// Unit by unit: a unit's ranks in a chunk of replicates are usually
	// close, so its histogram row is touched in a few cache lines, where
	// replicate by replicate every increment would miss the cache.
	for u := 0; u < a.n; u++ {
		h := a.hist[u*a.n : (u+1)*a.n]
		for k := range idx {
			if rk := flat[k*a.n+u]; rk > 0 {
				h[rk-1]++
			}
		}
	}
}

// stats returns per unit the mean, median, 5% and 95% quantiles (type 7)
// of its ranks and the share of them ≤ top; NA for a unit never ranked.
func (a *rankAcc) stats(top int) (mean, median, q5, q95, ptop []float64) {
	n := a.n
	mean, median, q5, q95, ptop = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	var sorted []int32
	for u := 0; u < n; u++ {
		var m, sum, inTop int
		var at func(k int) float64 // k-th smallest rank, 0-based
		if a.mat != nil {
			sorted = sorted[:0]
			for i := 0; i < a.rows; i++ {
				if rk := a.mat[i*n+u]; rk > 0 {
					sorted = append(sorted, rk)
				}
			}
			slices.Sort(sorted)
			m = len(sorted)
			for _, rk := range sorted {
				sum += int(rk)
				if int(rk) <= top {
					inTop++
				}
			}
			at = func(k int) float64 { return float64(sorted[k]) }
		} else {
			h := a.hist[u*n : (u+1)*n]
			for i, c := range h {
				m += int(c)
				sum += (i + 1) * int(c)
				if i < top {
					inTop += int(c)
				}
			}
			at = func(k int) float64 { return float64(histAt(h, k)) }
		}
		if m == 0 {
			mean[u], median[u], q5[u], q95[u], ptop[u] = NA, NA, NA, NA, NA
			continue
		}
		mean[u] = float64(sum) / float64(m)
		median[u], q5[u], q95[u] = quantile7(m, 0.5, at), quantile7(m, 0.05, at), quantile7(m, 0.95, at)
		ptop[u] = float64(inTop) / float64(m)
	}
	return mean, median, q5, q95, ptop
}

// histAt returns the k-th smallest rank (0-based) of a rank histogram.
func histAt(h []uint32, k int) int {
	cum := 0
	for i, c := range h {
		cum += int(c)
		if cum > k {
			return i + 1
		}
	}
	return len(h)
}

// quantile7 is R's quantile type 7 of m sorted values given by at, the
// same formula as Quantile.
func quantile7(m int, p float64, at func(k int) float64) float64 {
	h := float64(m-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= m {
		return at(m - 1)
	}
	v := at(i)
	return v + (h-lo)*(at(i+1)-v)
}
