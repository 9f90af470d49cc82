package engine

import (
	"cmp"
	"slices"
)

// Strength is a unit's standing on one indicator against its peers (the
// units of its group, or all units without groups).
type Strength struct {
	Indicator string
	Score     float64 // the unit's indicator score
	PeerMean  float64 // mean score of the peers (the unit included)
	Gap       float64 // Score − PeerMean
	PeerRank  float64 // rank among the peers, 1 = best (ties min)
	Peers     int     // peers with a score
	Weight    float64 // effective weight in the unit's view (its first)
	Impact    float64 // Weight × Gap: what the gap is worth in the score
}

// Strengths returns the unit's standing on every indicator of s, best
// first by Gap (the last entries are its weaknesses). Indicators the unit
// has no score for are left out.
func Strengths(s *Scores, unit string) ([]Strength, error) {
	u := s.unitIndex(unit)
	if u < 0 {
		return nil, &Error{Kind: ErrUnknownUnit, Unit: unit}
	}
	var peers []int
	for v := range s.Units {
		if s.Group == nil || s.Group[v] == s.Group[u] {
			peers = append(peers, v)
		}
	}
	var weights map[string]float64
	if vs := s.viewsOf(u); len(vs) > 0 {
		weights = s.Views[vs[0]].Tree.EffectiveWeights()
	}
	var out []Strength
	x := make([]float64, len(peers))
	for c, code := range s.Indicators.Cols {
		col := s.Indicators.Vals[c]
		if IsNA(col[u]) {
			continue
		}
		self := 0
		for k, v := range peers {
			x[k] = col[v]
			if v == u {
				self = k
			}
		}
		st := Strength{Indicator: code, Score: col[u], PeerMean: Mean(x), PeerRank: Rank(x, TiesMin)[self],
			Peers: len(Present(x)), Weight: weights[code]}
		st.Gap = st.Score - st.PeerMean
		st.Impact = st.Weight * st.Gap
		out = append(out, st)
	}
	slices.SortStableFunc(out, func(a, b Strength) int { return cmp.Compare(b.Gap, a.Gap) })
	return out, nil
}
