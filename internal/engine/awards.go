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

// Cut picks up to n winners by several keys, lower first: keys[0] decides
// (a rank, a negated rise) and keys[1], keys[2] … order the units it leaves
// tied (a tie-break, the unrounded score). Units not eligible or missing
// keys[0] cannot win; a missing later key counts as worst. When the units
// still equal on every key straddle the last place, none of them is chosen
// by code or by chance: winners are the units strictly before them and
// pending lists them all (best first in input order), for the office to
// decide which take the n − len(winners) places left (待认定).
func Cut(keys [][]float64, eligible []bool, n int) (winners, pending []int) {
	if n <= 0 || len(keys) == 0 {
		return nil, nil
	}
	idx := make([]int, 0, len(keys[0]))
	for i, k := range keys[0] {
		if !IsNA(k) && eligible[i] {
			idx = append(idx, i)
		}
	}
	cmp := func(a, b int) int {
		for _, k := range keys {
			x, y := k[a], k[b]
			switch {
			case IsNA(x) && IsNA(y):
				continue
			case IsNA(x):
				return 1
			case IsNA(y):
				return -1
			case x < y:
				return -1
			case x > y:
				return 1
			}
		}
		return 0
	}
	slices.SortStableFunc(idx, cmp)
	if len(idx) <= n {
		return idx, nil
	}
	if cmp(idx[n-1], idx[n]) != 0 {
		return idx[:n], nil
	}
	for _, i := range idx {
		switch c := cmp(i, idx[n-1]); {
		case c < 0:
			winners = append(winners, i)
		case c == 0:
			pending = append(pending, i)
		}
	}
	return winners, pending
}
