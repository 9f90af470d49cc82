package engine

import (
	"fmt"
	"math"
)

// RemoveResult is the effect of removing one node on the ranks of the
// target: the mean over units of |nominal rank − rank without the node|.
type RemoveResult struct {
	Removed           string // node code; "Nominal" for the nominal row
	MeanAbsRankChange float64
}

// RemoveLevel is COINr's remove_elements: each node of the level in turn
// (in the order of the hierarchy) gets weight 0, the nominal pipeline is
// re-aggregated, and the target's ranks are compared with the nominal
// ranks. The first result is {"Nominal", 0}. Only the aggregation depends
// on the weights, so the nominal data before aggregation is reused.
//
// COINr averages over every unit and gives NA when a unit has no rank;
// here a unit without a rank in either run is left out of the mean, which
// is the same whenever every unit is ranked. A node whose removal makes
// the aggregation fail gets NA.
func (r *Robustness) RemoveLevel(level int) ([]RemoveResult, error) {
	t := r.in.Tree
	if level < 1 || level >= t.MaxLevel() {
		return nil, &Error{Kind: ErrBadParameter, Detail: fmt.Sprintf("level %d: removal needs a level from 1 to %d", level, t.MaxLevel()-1)}
	}
	d := r.nomData
	dst := NewDataset(d.Units, r.nomAgg.Cols())
	for c := range d.Cols {
		dst.Vals[c] = d.Vals[c]
	}
	// The nominal ranks per unit of d.
	nom := make([]float64, len(d.Units))
	for k, code := range d.Units {
		nom[k] = r.nomRank[r.unitIdx[code]]
	}
	w := make([]float64, len(r.nomW))
	ranks := make([]float64, len(d.Units))
	var rk bucketRanker
	out := []RemoveResult{{"Nominal", 0}}
	for i, n := range t.Nodes {
		if n.Level != level {
			continue
		}
		copy(w, r.nomW)
		w[i] = 0
		res := RemoveResult{Removed: n.Code, MeanAbsRankChange: NA}
		if err := r.nomAgg.Apply(dst, d, w); err == nil {
			rk.rankDesc(ranks, dst.Vals[r.target])
			s, m := 0.0, 0
			for k, v := range ranks {
				if !IsNA(v) && !IsNA(nom[k]) {
					s += math.Abs(nom[k] - v)
					m++
				}
			}
			if m > 0 {
				res.MeanAbsRankChange = s / float64(m)
			}
		}
		out = append(out, res)
	}
	return out, nil
}
