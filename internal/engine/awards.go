package engine

import "slices"

// TopN picks the winners of an award from a ranking: candidates ordered by
// key (lower is better, e.g. a rank or a negated rise in rank), skipping
// those not eligible (vetoed, excluded by the award's list) so that the next
// eligible unit fills the place, until n are chosen; every eligible unit
// tied with the last chosen one wins too (并列者同时获奖). Units with a
// missing key cannot win. It returns the winners' indices best first, ties
// in input order, and extra, the number of winners beyond n because of a tie
// at the cut-off.
func TopN(key []float64, eligible []bool, n int) (winners []int, extra int) {
	if n <= 0 {
		return nil, 0
	}
	idx := make([]int, 0, len(key))
	for i, k := range key {
		if !IsNA(k) && eligible[i] {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case key[a] < key[b]:
			return -1
		case key[a] > key[b]:
			return 1
		}
		return 0
	})
	for p, i := range idx {
		if p >= n && key[i] != key[winners[len(winners)-1]] {
			break
		}
		winners = append(winners, i)
	}
	return winners, max(0, len(winners)-n)
}
