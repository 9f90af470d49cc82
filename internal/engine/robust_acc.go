package engine

import (
	"context"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
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

// RankAccumulator is the rank accumulator of the uncertainty analysis for
// analyses whose replicates are run outside this package (an evaluation
// method's robustness, internal/method): the same exact statistics in the
// same bounded memory, independent of the order in which replicates arrive.
type RankAccumulator struct {
	acc  *rankAcc
	keep bool
}

// NewRankAccumulator accumulates the ranks of units units over rows
// replicates; keep keeps every replicate's ranks (RankStats.Ranks).
func NewRankAccumulator(units, rows int, keep bool) *RankAccumulator {
	return &RankAccumulator{newRankAcc(units, rows, keep), keep}
}

// Add records the ranks of the replicates idx: flat holds one row of ranks
// per unit for each (0 = not ranked); failed counts the failed replicates
// among them. It may be called from several goroutines.
func (a *RankAccumulator) Add(idx []int, flat []int32, failed int) { a.acc.add(idx, flat, failed) }

// Summary returns the statistics of the accumulated ranks of node, per unit
// of units, with their nominal ranks and the share in the top top (0 = 10).
// FirstError is left for the caller, who knows the failures.
func (a *RankAccumulator) Summary(node string, units []string, nominal []float64, top int) *RankStats {
	if top <= 0 {
		top = 10
	}
	acc := a.acc
	s := &RankStats{Node: node, Units: units, Nominal: nominal, Top: top, Runs: acc.rows, Failed: acc.failed}
	s.Mean, s.Median, s.Q5, s.Q95, s.PTop = acc.stats(top)
	if a.keep {
		s.Ranks = make([][]int32, acc.rows)
		for i := range s.Ranks {
			s.Ranks[i] = acc.mat[i*acc.n : (i+1)*acc.n : (i+1)*acc.n]
		}
	}
	return s
}

// MeanAbsRankShift is the output of a Sobol analysis for one run: the mean
// over units ranked in both of |rank − nominal| (ranks 0 and nominal NA
// mean not ranked); NA when no unit is.
func MeanAbsRankShift(ranks []int32, nominal []float64) float64 { return meanAbsShift(ranks, nominal) }

// RunReplicates runs replicates 0..n-1 on workers goroutines (0 =
// GOMAXPROCS) as the uncertainty analysis runs its own: chunks of
// replicates handed out in turn, ranks flushed to acc in batches. Each
// goroutine calls newWorker once for its replicate function, which runs
// replicate i, writes the ranks per unit into out (cleared beforehand; 0 =
// not ranked) and returns the replicate's error. The ranks of replicates
// below nAcc go to acc (nil: none). It returns the number of failed
// replicates and the error of the lowest-numbered one; the outcome does not
// depend on the number of workers as long as replicate i depends on i
// alone (seed its draws with ReplicateStream).
func RunReplicates(ctx context.Context, workers, n, nAcc, units int, acc *RankAccumulator,
	newWorker func() func(i int, out []int32) error) (failed int, first error, err error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, (n+chunk-1)/chunk))
	var next atomic.Int64
	var fails failures
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run := newWorker()
			out := make([]int32, units)
			var pend []int32
			var pendI []int
			pendF := 0
			flush := func() {
				if acc != nil && len(pendI) > 0 {
					acc.Add(pendI, pend, pendF)
				}
				pend, pendI, pendF = pend[:0], pendI[:0], 0
			}
			defer flush()
			for ctx.Err() == nil {
				start := int(next.Add(chunk)) - chunk
				if start >= n {
					return
				}
				for i := start; i < min(start+chunk, n); i++ {
					clear(out)
					err := run(i, out)
					if err != nil {
						fails.add(i, err)
						clear(out) // a failed replicate ranks no unit
					}
					if i < nAcc {
						pend = append(pend, out...)
						pendI = append(pendI, i)
						if err != nil {
							pendF++
						}
					}
				}
				if len(pendI) >= flushAt {
					flush()
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return 0, nil, err
	}
	return fails.n, fails.err, nil
}
