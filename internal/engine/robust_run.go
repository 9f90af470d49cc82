package engine

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// RankStats summarises the ranks of the target node over the replicates of
// an uncertainty analysis, per unit of Robustness.Units: COINr's RankStats
// plus the share of replicates in the top Top.
//
// A replicate whose pipeline fails (e.g. gmean meets a value ≤ 0) counts
// in Failed and gives no rank to any unit, as COINr records NA for the
// whole run and computes its statistics with na.rm = TRUE. Mean, Median,
// Q5, Q95 (R's quantile type 7) and PTop are therefore over the replicates
// in which the unit was ranked; NA when there are none.
type RankStats struct {
	Node                  string
	Units                 []string
	Nominal               []float64 // rank under the nominal pipeline
	Mean, Median, Q5, Q95 []float64
	PTop                  []float64 // share of ranked replicates with rank ≤ Top
	Top                   int
	Runs                  int   // replicates in the statistics
	Failed                int   // of which failed
	FirstError            error // the failure of the lowest-numbered failed replicate
	// Ranks holds, when RunOptions.KeepRanks is set, every replicate's
	// rank per unit (0 = not ranked); nil otherwise.
	Ranks [][]int32
}

// robustWork is one goroutine's working memory; nothing is allocated per
// replicate once it has grown.
type robustWork struct {
	c      Choice
	x      []uint64      // sample point
	xa, xb []uint64      // Saltelli base rows
	noisyW []float64     // noisy weights of the choice
	w      []float64     // weights applied
	dst    []*Dataset    // aggregated data set per imputation
	own    [][][]float64 // the columns dst owns (it also binds shared ones)
	ranks  []float64
	out    []int32 // ranks per unit of Robustness.units, 0 = none
	agg    aggScratch
	rk     bucketRanker
	pend   []int32 // ranks of the replicates of the current chunk
	pendI  []int
	pendF  int // failed replicates among them
}

func (r *Robustness) newWork() *robustWork {
	d := len(r.vars)
	return &robustWork{
		x: make([]uint64, d), xa: make([]uint64, d), xb: make([]uint64, d),
		noisyW: make([]float64, len(r.nomW)), w: make([]float64, len(r.nomW)),
		dst: make([]*Dataset, len(r.imputes)), own: make([][][]float64, len(r.imputes)), out: make([]int32, len(r.units)),
	}
}

// replicate runs the choice wk.c and leaves the ranks of the target node in
// wk.out. It returns the target column of the aggregated data set (nil on
// error).
func (r *Robustness) replicate(wk *robustWork) ([]float64, *combo, error) {
	c := &wk.c
	clear(wk.out)
	ci := r.comboIndex(c)
	cb := &r.combos[ci]
	if cb.err != nil {
		return nil, cb, cb.err
	}
	if c.Weights != nil {
		copy(wk.w, c.Weights)
	} else {
		copy(wk.w, r.nomW)
	}
	if c.LeaveOut > 0 {
		wk.w[r.in.Tree.Indicators[c.LeaveOut-1]] = 0
	}
	dst := wk.dst[c.Impute]
	if dst == nil {
		dst = NewDataset(cb.data.Units, r.aggs[0].Cols())
		wk.dst[c.Impute], wk.own[c.Impute] = dst, append([][]float64(nil), dst.Vals...)
	}
	cache := r.caches[ci*len(r.aggs)+c.Aggregate]
	if cache != nil && cache.err != nil {
		cache = nil
	}
	if err := r.aggs[c.Aggregate].aggregateInto(dst, wk.own[c.Impute], cb, wk.w, r.nomW, cache, &wk.agg); err != nil {
		return nil, cb, err
	}
	col := dst.Vals[r.target]
	if cap(wk.ranks) < len(col) {
		wk.ranks = make([]float64, len(col))
	}
	ranks := wk.ranks[:len(col)]
	wk.rk.rankDesc(ranks, col)
	for k, v := range ranks {
		if !IsNA(v) {
			wk.out[cb.units[k]] = int32(v)
		}
	}
	return col, cb, nil
}

// Replicate runs one replicate with the inputs c and returns the scores and
// ranks of the target node per unit of Units (NA where a unit is absent).
func (r *Robustness) Replicate(c Choice) (scores, ranks []float64, err error) {
	alts := [][2]int{{c.Impute, len(r.imputes)}, {c.WinMax, len(r.treats)}, {c.Normalise, len(r.norms)},
		{c.Aggregate, len(r.aggs)}, {c.LeaveOut, len(r.in.Tree.Indicators) + 1}}
	for _, a := range alts {
		if a[0] < 0 || a[0] >= a[1] {
			return nil, nil, &Error{Kind: ErrBadParameter, Detail: fmt.Sprintf("choice %d out of range 0..%d", a[0], a[1]-1)}
		}
	}
	if c.Weights != nil && len(c.Weights) != len(r.nomW) {
		return nil, nil, &Error{Kind: ErrBadParameter, Detail: "one weight per node expected"}
	}
	r.prepare()
	wk := r.newWork()
	wk.c = c
	col, cb, err := r.replicate(wk)
	if err != nil {
		return nil, nil, err
	}
	scores, ranks = make([]float64, len(r.units)), make([]float64, len(r.units))
	for i := range scores {
		scores[i], ranks[i] = NA, NA
	}
	for k, v := range col {
		scores[cb.units[k]] = v
	}
	for i, v := range wk.out {
		if v > 0 {
			ranks[i] = float64(v)
		}
	}
	return scores, ranks, nil
}

// Uncertainty runs o.N replicates, each drawing every uncertain input
// independently and uniformly, and summarises the ranks of the target.
func (r *Robustness) Uncertainty(ctx context.Context, o RunOptions) (*RankStats, error) {
	if o.N < 1 {
		return nil, &Error{Kind: ErrBadParameter, Detail: "the number of replicates must be at least 1"}
	}
	acc := newRankAcc(len(r.units), o.N, o.KeepRanks)
	choose := func(i int, wk *robustWork) {
		p := streamFor(o.Seed, uint64(i))
		drawPoint(&p, wk.x)
		r.decode(wk.x, wk)
	}
	f, err := r.runMany(ctx, o.Workers, o.N, o.N, choose, nil, acc)
	if err != nil {
		return nil, err
	}
	return r.rankStats(acc, o, f), nil
}

// failures records the failed replicates of a run.
type failures struct {
	mu    sync.Mutex
	n     int
	first int
	err   error
}

func (f *failures) add(i int, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n++
	if f.err == nil || i < f.first {
		f.first, f.err = i, err
	}
}

// chunk is the number of replicates a worker takes at a time: large enough
// to amortise the hand-over, small enough to balance the workers. A worker
// hands its ranks to the accumulator flushAt replicates at a time, so that
// the histogram rows are visited once per many replicates.
const (
	chunk   = 32
	flushAt = 256
)

// runMany runs replicates 0..n-1 on the workers. choose sets wk.c for
// replicate i; after, when not nil, sees each replicate's outcome (its
// ranks in wk.out); the ranks of replicates below nAcc go to acc.
func (r *Robustness) runMany(ctx context.Context, workers, n, nAcc int, choose func(i int, wk *robustWork),
	after func(i int, wk *robustWork, ok bool), acc *rankAcc) (*failures, error) {
	r.prepare()
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
			wk := r.newWork()
			flush := func() {
				acc.add(wk.pendI, wk.pend, wk.pendF)
				wk.pend, wk.pendI, wk.pendF = wk.pend[:0], wk.pendI[:0], 0
			}
			defer flush()
			for ctx.Err() == nil {
				start := int(next.Add(chunk)) - chunk
				if start >= n {
					return
				}
				for i := start; i < min(start+chunk, n); i++ {
					choose(i, wk)
					_, _, err := r.replicate(wk)
					if err != nil {
						fails.add(i, err)
					}
					if after != nil {
						after(i, wk, err == nil)
					}
					if i < nAcc {
						wk.pend = append(wk.pend, wk.out...)
						wk.pendI = append(wk.pendI, i)
						if err != nil {
							wk.pendF++
						}
					}
				}
				if len(wk.pendI) >= flushAt {
					flush()
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &fails, nil
}

// rankStats turns the accumulated ranks into RankStats.
func (r *Robustness) rankStats(acc *rankAcc, o RunOptions, f *failures) *RankStats {
	top := o.Top
	if top <= 0 {
		top = 10
	}
	s := &RankStats{Node: r.node, Units: r.units, Nominal: r.nomRank, Top: top, Runs: acc.rows}
	s.Mean, s.Median, s.Q5, s.Q95, s.PTop = acc.stats(top)
	if f != nil {
		s.FirstError = f.err
		// Only the replicates in the statistics count (Sobol's A and B).
		s.Failed = acc.failed
	}
	if o.KeepRanks {
		s.Ranks = make([][]int32, acc.rows)
		for i := range s.Ranks {
			s.Ranks[i] = acc.mat[i*acc.n : (i+1)*acc.n : (i+1)*acc.n]
		}
	}
	return s
}
