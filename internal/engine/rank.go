package engine

import (
	"cmp"
	"fmt"
	"slices"
)

// Tie-breaking rules for ranks, as R's rank(ties.method = ...).
const (
	TiesMin     = "min"     // tied values share the best rank: 1, 2, 2, 4 (the default)
	TiesAverage = "average" // tied values share the mean of their ranks: 1, 2.5, 2.5, 4
	TiesMax     = "max"     // tied values share the worst rank: 1, 3, 3, 4
)

// Scratch is reusable working memory for RankInto and NormaliseColumn, so
// that repeated calls (one per column, per replication of a robustness
// analysis) allocate nothing once it has grown. The zero value is ready to
// use; a Scratch must not be used by two goroutines at once.
type Scratch struct {
	idx []int
}

// indices returns a slice of length n from the scratch space.
func (sc *Scratch) indices(n int) []int {
	if cap(sc.idx) < n {
		sc.idx = make([]int, n)
	}
	return sc.idx[:n]
}

// Rank returns the ranks of x with rank 1 for the highest value, as R's
// rank(-x, ties.method = ties, na.last = "keep"): missing values stay
// missing and do not take a rank. ties is TiesMin (also ""), TiesAverage or
// TiesMax; any other value panics, since callers validate user input first
// (see ValidTies).
func Rank(x []float64, ties string) []float64 {
	out := make([]float64, len(x))
	var sc Scratch
	RankInto(out, x, ties, &sc)
	return out
}

// RankInto writes the ranks of x (1 = highest, as Rank) into dst, which must
// have the length of x and may be x itself. sc may be nil.
func RankInto(dst, x []float64, ties string, sc *Scratch) {
	rankInto(dst, x, ties, true, sc)
}

// ValidTies reports whether ties names a tie-breaking rule Rank knows.
func ValidTies(ties string) bool {
	switch ties {
	case "", TiesMin, TiesAverage, TiesMax:
		return true
	}
	return false
}

// rankInto ranks the present values of x, from the highest when desc is
// true (final ranks) or from the lowest when false (COINr's n_rank, n_borda
// and n_prank, where the highest value gets the highest score). Ties are
// exact equality of doubles, as in R (so -0 ties with 0).
func rankInto(dst, x []float64, ties string, desc bool, sc *Scratch) {
	if len(dst) != len(x) {
		panic(fmt.Sprintf("engine: rank into %d values from %d", len(dst), len(x)))
	}
	if !ValidTies(ties) {
		panic(fmt.Sprintf("engine: unknown ties method %q", ties))
	}
	if sc == nil {
		sc = new(Scratch)
	}
	idx := sc.indices(len(x))[:0]
	for i, v := range x {
		if !IsNA(v) {
			idx = append(idx, i)
		}
	}
	if desc {
		slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(x[b], x[a]) })
	} else {
		slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(x[a], x[b]) })
	}
	// Missing values first: dst may be x, whose present values are still
	// needed while the groups below are read.
	for i, v := range x {
		if IsNA(v) {
			dst[i] = NA
		}
	}
	for start := 0; start < len(idx); {
		end := start + 1 // idx[start:end] is one group of tied values
		for end < len(idx) && x[idx[end]] == x[idx[start]] {
			end++
		}
		var r float64
		switch ties {
		case TiesAverage:
			r = float64(start+1+end) / 2
		case TiesMax:
			r = float64(end)
		default:
			r = float64(start + 1)
		}
		// Written after the group is scanned, so aliasing dst and x is safe:
		// later groups never read these positions again.
		for _, i := range idx[start:end] {
			dst[i] = r
		}
		start = end
	}
}
