package engine

import (
	"fmt"
	"math"
	"slices"
)

// Evaluate runs the steps of s on one period in COINr's order (Raw,
// Denominated, Imputed, Screened, Treated, Normalised, Aggregated), keeps
// every stage's data set, and ranks every column of the last one (ties
// min, 1 = highest, NA kept). Screening drops units from the later stages.
func Evaluate(in Input, s Spec) (*Result, error) {
	r, err := evaluateToTreated(in, s)
	if err != nil {
		return nil, err
	}
	var norm *Dataset
	if s.Normalise != nil {
		if norm, err = Normalise(r.Final(), in.Tree, *s.Normalise); err != nil {
			return nil, err
		}
	}
	if err := finishResult(r, in.Tree, s, norm); err != nil {
		return nil, err
	}
	return r, nil
}

// evaluateToTreated runs the steps up to and including treatment: the part
// of the pipeline that is always done period by period.
func evaluateToTreated(in Input, s Spec) (*Result, error) {
	if in.Tree == nil || in.Raw == nil {
		return nil, &Error{Kind: ErrBadParameter, Detail: "input without hierarchy or data"}
	}
	t := in.Tree
	r := &Result{Period: in.Period}
	codes := t.IndicatorCodes()
	for _, c := range codes {
		if in.Raw.ColIndex(c) < 0 {
			return nil, &Error{Kind: ErrUnknownNode, Node: c, Detail: "not in the data"}
		}
	}
	d := in.Raw.SelectCols(codes)
	if len(d.Units) == 0 {
		return nil, &Error{Kind: ErrNoUnits}
	}
	r.Stages = append(r.Stages, Stage{StageRaw, d})
	var err error
	if s.Denominate {
		if d, err = Denominate(d, in.Denoms, t); err != nil {
			return nil, err
		}
		r.Stages = append(r.Stages, Stage{StageDenominated, d})
	}
	if s.Impute != nil {
		var groups []string
		if s.Impute.Group != "" {
			g, ok := in.Groups[s.Impute.Group]
			if !ok {
				return nil, &Error{Kind: ErrBadParameter, Detail: fmt.Sprintf("no group column %q", s.Impute.Group)}
			}
			groups = g
		}
		if d, err = Impute(d, *s.Impute, groups); err != nil {
			return nil, err
		}
		r.Stages = append(r.Stages, Stage{StageImputed, d})
	}
	if s.Screen != nil {
		th := *s.Screen
		if !(th >= 0 && th <= 1) {
			return nil, &Error{Kind: ErrBadParameter, Detail: fmt.Sprintf("screening threshold %g is not between 0 and 1", th)}
		}
		d, r.Screen = Screen(d, th)
		if len(d.Units) == 0 {
			return nil, &Error{Kind: ErrNoUnits}
		}
		r.Stages = append(r.Stages, Stage{StageScreened, d})
	}
	if s.Treat != nil {
		if d, r.Treat, err = Treat(d, *s.Treat); err != nil {
			return nil, err
		}
		r.Stages = append(r.Stages, Stage{StageTreated, d})
	}
	return r, nil
}

// finishResult appends the Normalised stage (norm, already computed; nil
// when s does not normalise), aggregates, and ranks.
func finishResult(r *Result, t *Tree, s Spec, norm *Dataset) error {
	if norm != nil {
		r.Stages = append(r.Stages, Stage{StageNormalised, norm})
	}
	if s.Aggregate != nil {
		agg, err := Aggregate(r.Final(), t, *s.Aggregate)
		if err != nil {
			return err
		}
		r.Stages = append(r.Stages, Stage{StageAggregated, agg})
	}
	r.Ranks = RankDataset(r.Final())
	return nil
}

// RankDataset ranks every column of d from the highest value (rank 1),
// ties taking the smallest rank and NA staying NA: R's
// rank(-x, ties.method = "min", na.last = "keep"), as COINr ranks scores.
// It gives the same ranks as Rank with TiesMin, several times faster, which
// matters at national scale where every column of every run is ranked.
func RankDataset(d *Dataset) *Dataset {
	out := NewDataset(d.Units, d.Cols)
	var rs bucketRanker
	for c, x := range d.Vals {
		rs.rankDesc(out.Vals[c], x)
	}
	return out
}

// rankedValue is a present value and its unit, for ranking.
type rankedValue struct {
	v float64
	u int32
}

// bucketRanker ranks by distributing the values over as many equal-width
// buckets as there are values (linear for the spread-out data of a
// pipeline), then sorting within each bucket. Its buffers are reused from
// one column to the next.
type bucketRanker struct {
	vals, sorted []rankedValue
	start        []int32
}

// rankDesc writes into dst the descending min-ties ranks of x.
func (r *bucketRanker) rankDesc(dst, x []float64) {
	vals := r.vals[:0]
	lo, hi := math.Inf(1), math.Inf(-1)
	for u, v := range x {
		if IsNA(v) {
			dst[u] = NA
			continue
		}
		if v == 0 {
			v = 0 // −0 ties with 0, as in R
		}
		vals = append(vals, rankedValue{v, int32(u)})
		if v < lo { // not math.Min: its NaN and −0 cases cost here
			lo = v
		}
		if v > hi {
			hi = v
		}
	}
	r.vals = vals
	m := len(vals)
	if m == 0 {
		return
	}
	if cap(r.sorted) < m {
		r.sorted, r.start = make([]rankedValue, m), make([]int32, m+1)
	}
	sorted, start := r.sorted[:m], r.start[:m+1]
	clear(start)
	// Bucket b holds the values with (hi − v)·scale in [b, b+1): the map is
	// monotone, so equal values share a bucket and buckets are in order.
	scale := float64(m) / (hi - lo)
	if math.IsInf(scale, 0) || IsNA(scale) {
		scale = 0 // all equal, or a range too wide for doubles: one bucket
	}
	bucket := func(v float64) int {
		return min(int((hi-v)*scale), m-1)
	}
	for _, rv := range vals {
		start[bucket(rv.v)+1]++
	}
	for b := 1; b <= m; b++ {
		start[b] += start[b-1]
	}
	for _, rv := range vals {
		b := bucket(rv.v)
		sorted[start[b]] = rv
		start[b]++
	}
	// start[b] is now the end of bucket b.
	from := int32(0)
	for b := 0; b < m; b++ {
		seg := sorted[from:start[b]]
		if len(seg) > 1 {
			sortDesc(seg)
		}
		from = start[b]
	}
	rank := 0.0
	for p, rv := range sorted {
		if p == 0 || rv.v != sorted[p-1].v {
			rank = float64(p + 1)
		}
		dst[rv.u] = rank
	}
}

// sortDesc sorts a bucket from the highest value: insertion sort for the
// few values a bucket usually holds, a general sort for crowded buckets.
func sortDesc(seg []rankedValue) {
	if len(seg) > 16 {
		if !slices.ContainsFunc(seg[1:], func(rv rankedValue) bool { return rv.v != seg[0].v }) {
			return // tied values (counts, imputed means): already in place
		}
		slices.SortFunc(seg, func(a, b rankedValue) int {
			switch { // no NaN here, so plain comparisons
			case a.v > b.v:
				return -1
			case a.v < b.v:
				return 1
			}
			return 0
		})
		return
	}
	for i := 1; i < len(seg); i++ {
		rv := seg[i]
		j := i
		for j > 0 && seg[j-1].v < rv.v {
			seg[j] = seg[j-1]
			j--
		}
		seg[j] = rv
	}
}
