package engine

import (
	"math"
	"slices"
)

// The scoring rules of Chinese provincial evaluation methods (评价办法), as
// pure functions on one indicator column. Each returns a new slice; a missing
// input gives a missing score. Direction (1 or −1) says whether more is
// better; the rules that compare a value with a reference apply it
// themselves, so callers pass raw values.

// Efficacy scores x by the efficacy-coefficient method (功效系数法):
// low + (high − low)·(x − u)/(s − u), where s is the satisfactory value
// (满意值, scoring high) and u the unacceptable value (不允许值, scoring low).
// The formula is direction-aware by itself: for an indicator where less is
// better the caller passes s < u. With clamp, scores are held within
// [low, high], which is how methods with fixed standards treat values beyond
// them. When s = u no value can be placed between them and every present
// value scores high.
func Efficacy(x []float64, s, u, low, high float64, clamp bool) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		switch {
		case IsNA(v):
			out[i] = NA
		case s == u:
			out[i] = high
		default:
			out[i] = low + (high-low)*(v-u)/(s-u)
			if clamp {
				out[i] = clampTo(out[i], math.Min(low, high), math.Max(low, high))
			}
		}
	}
	return out
}

// Completion scores the completion rate against a per-unit target
// (目标完成率): full·min(actual/target, cap) when more is better (dir 1),
// full·min(target/actual, cap) when less is better. A cap of NaN or ≤ 0
// means no cap. A missing or non-positive target (or, for dir −1, actual)
// gives NA: the rate is undefined. The weight of the indicator is not
// applied here, so that it is applied once, by aggregation.
func Completion(actual, target []float64, dir, full, cap float64) []float64 {
	out := make([]float64, len(actual))
	for i, a := range actual {
		t := target[i]
		num, den := a, t
		if dir < 0 {
			num, den = t, a
		}
		if IsNA(num) || IsNA(den) || den <= 0 {
			out[i] = NA
			continue
		}
		r := num / den
		if cap > 0 && r > cap {
			r = cap
		}
		out[i] = full * r
	}
	return out
}

// AllOrNothing scores full when the target is met (actual ≥ target for dir
// 1, ≤ for dir −1) and zero otherwise (完成目标得满分，未完成不得分).
func AllOrNothing(actual, target []float64, dir, full, zero float64) []float64 {
	out := make([]float64, len(actual))
	for i, a := range actual {
		t := target[i]
		switch {
		case IsNA(a) || IsNA(t):
			out[i] = NA
		case (dir >= 0 && a >= t) || (dir < 0 && a <= t):
			out[i] = full
		default:
			out[i] = zero
		}
	}
	return out
}

// RankScore scores by place (争先进位): the best unit gets full and each
// place below loses step; tied units share the better place. Places are
// counted among present values after applying dir.
func RankScore(x []float64, dir, full, step float64) []float64 {
	r := Rank(scaled(x, dir), TiesMin)
	out := make([]float64, len(x))
	for i, p := range r {
		if IsNA(p) {
			out[i] = NA
			continue
		}
		out[i] = full - step*(p-1)
	}
	return out
}

// AverageDiff scores the distance to an average (often the provincial
// figure): base + above·d when d > 0 and base + below·d when d < 0, where
// d = dir·(x − avg)/unit counts steps of unit (e.g. 0.1 percentage point).
// With whole, only completed steps count (d truncated towards zero), as in
// "每高 0.1 个百分点加 0.2 分".
func AverageDiff(x []float64, avg, dir, base, above, below, unit float64, whole bool) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		if IsNA(v) || IsNA(avg) {
			out[i] = NA
			continue
		}
		d := dir * (v - avg) / unit
		if whole {
			d = math.Trunc(d)
		}
		if d >= 0 {
			out[i] = base + above*d
		} else {
			out[i] = base + below*d
		}
	}
	return out
}

// Clamp returns x held within [floor, ceiling]; a NaN bound is no bound.
func Clamp(x []float64, floor, ceiling float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		if !IsNA(floor) && v < floor {
			v = floor
		}
		if !IsNA(ceiling) && v > ceiling {
			v = ceiling
		}
		out[i] = v
	}
	return out
}

// RankBy ranks units by several keys, higher first: keys[0] decides, and
// keys[1], keys[2] … break its ties in turn (an explicit tie-break rule);
// units equal on every key share the best place. With one key it agrees
// with Rank(keys[0], TiesMin), which callers without a tie-break use. A unit missing the first
// key gets NA; a missing later key counts as lowest.
func RankBy(keys [][]float64) []float64 {
	n := len(keys[0])
	idx := make([]int, 0, n)
	for i := 0; i < n; i++ {
		if !IsNA(keys[0][i]) {
			idx = append(idx, i)
		}
	}
	cmp := func(a, b int) int { // −1 when a ranks before b
		for _, k := range keys {
			x, y := k[a], k[b]
			switch {
			case IsNA(x) && IsNA(y):
				continue
			case IsNA(x):
				return 1
			case IsNA(y):
				return -1
			case x > y:
				return -1
			case x < y:
				return 1
			}
		}
		return 0
	}
	slices.SortStableFunc(idx, cmp)
	out := make([]float64, n)
	for i := range out {
		out[i] = NA
	}
	for p, i := range idx {
		if p > 0 && cmp(idx[p-1], i) == 0 {
			out[i] = out[idx[p-1]]
		} else {
			out[i] = float64(p + 1)
		}
	}
	return out
}

func scaled(x []float64, f float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = v * f
	}
	return out
}

func clampTo(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }
