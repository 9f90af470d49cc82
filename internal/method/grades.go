package method

import (
	"cmp"
	"math"
	"slices"
)

// GradeUnits grades units given their scores and ranks (NaN = unknown):
// each unit gets the first band, from the top, that it meets (MinScore:
// score ≥; MaxRank: rank ≤; both: both; neither: every unit), "" when
// none. Bands of both kinds may be mixed, in any order.
//
// A band with a quota (MaxShare) goes to at most floor(MaxShare × number
// of units) of them: the best ranked of those meeting it; when units tied
// in rank would take it past the quota, all of them go on to the next
// bands (the quota is a ceiling: 优秀 ≤ 30 %). Units whose given grade is
// set keep it and use up the quota of their band. Caps bar a unit from
// the bands better than the one named by its cap ("" = no cap; an unknown
// name bars nothing). given and caps may be nil.
func GradeUnits(grades []Grade, score, rank []float64, given, caps []string) []string {
	n := len(score)
	out := make([]string, n)
	done := make([]bool, n)
	used := map[string]int{}
	for i := range out {
		if given != nil && given[i] != "" {
			out[i], done[i] = given[i], true
			used[given[i]]++
		}
	}
	best := make([]int, n) // index of the best band a unit may get
	for i := range best {
		if caps != nil && caps[i] != "" {
			best[i] = max(0, slices.IndexFunc(grades, func(g Grade) bool { return g.Name == caps[i] }))
		}
	}
	for b, g := range grades {
		var meet []int
		for i := range n {
			if !done[i] && b >= best[i] && g.meets(score[i], rank[i]) {
				meet = append(meet, i)
			}
		}
		if g.MaxShare > 0 {
			quota := int(math.Floor(g.MaxShare*float64(n)+1e-9)) - used[g.Name]
			meet = withinQuota(meet, rank, quota)
		}
		for _, i := range meet {
			out[i], done[i] = g.Name, true
		}
	}
	return out
}

// meets reports whether a unit with score and rank meets band g.
func (g Grade) meets(score, rank float64) bool {
	if !math.IsNaN(g.MinScore) && !(score >= g.MinScore) {
		return false
	}
	return math.IsNaN(g.MaxRank) || rank <= g.MaxRank
}

// withinQuota keeps the best ranked of units, at most quota of them,
// leaving out a tie that would cross the quota.
func withinQuota(units []int, rank []float64, quota int) []int {
	slices.SortStableFunc(units, func(a, b int) int { return cmpRank(rank[a], rank[b]) })
	keep := 0
	for keep < len(units) {
		// The block of units tied with units[keep].
		end := keep + 1
		for end < len(units) && cmpRank(rank[units[end]], rank[units[keep]]) == 0 {
			end++
		}
		if end > quota {
			break
		}
		keep = end
	}
	return units[:keep]
}

// cmpRank orders ranks with unknown (NaN) last.
func cmpRank(a, b float64) int {
	switch {
	case math.IsNaN(a) && math.IsNaN(b):
		return 0
	case math.IsNaN(a):
		return 1
	case math.IsNaN(b):
		return -1
	}
	return cmp.Compare(a, b)
}
