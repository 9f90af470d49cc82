package engine

import (
	"math"
	"sort"
)

// Normalisations of TOPSIS.
const (
	// TOPSISVector divides each column by its Euclidean norm (Hwang & Yoon).
	TOPSISVector = "vector"
	// TOPSISMinMax maps each column to [0, 1] in its direction first.
	TOPSISMinMax = "minmax"
)

// TOPSISResult is the outcome of TOPSIS, with the conventions that produced
// it.
type TOPSISResult struct {
	Normalise  string    // TOPSISVector or TOPSISMinMax
	Weights    []float64 // the weights used, normalised to sum 1
	Directions []float64 // criterion directions
	Ideal      []float64 // positive ideal, weighted normalised values
	AntiIdeal  []float64 // negative ideal, weighted normalised values
	DPlus      []float64 // Euclidean distance of each alternative to Ideal
	DMinus     []float64 // … to AntiIdeal
	Closeness  []float64 // d⁻ / (d⁺ + d⁻), in [0, 1]
	Rank       []int     // 1 = closest to the ideal; ties share the lowest rank (1, 2, 2, 4)
}

// TOPSIS ranks alternatives by their relative closeness to the ideal
// solution. cols[j][i] is alternative i on criterion j; weights (≥ 0, not all
// 0) are normalised to sum 1; dirs gives each criterion's direction (nil
// means all benefit).
//
// vector: r_ij = x_ij / ‖x_j‖ (a column of zeros stays 0). minmax: r_ij is
// the direction-aware min-max standardisation (a constant column is 0), after
// which every criterion is a benefit. v_ij = w_j r_ij; the ideal takes the
// column maximum of v for a benefit and the minimum for a cost, the
// anti-ideal the opposite; distances are Euclidean; closeness is
// d⁻/(d⁺ + d⁻). Closeness values within 1e-12 of each other tie.
func TOPSIS(cols [][]float64, weights, dirs []float64, normalise string) (*TOPSISResult, error) {
	m, err := checkCols(cols, 2)
	if err != nil {
		return nil, err
	}
	n := len(cols)
	res := &TOPSISResult{Normalise: normalise}
	if res.Directions, err = checkDirs(dirs, n); err != nil {
		return nil, err
	}
	if res.Weights, err = normaliseWeights(weights, n); err != nil {
		return nil, err
	}
	v := make([][]float64, n)
	for j, c := range cols {
		switch normalise {
		case TOPSISVector:
			v[j] = vectorNormalise(c)
		case TOPSISMinMax:
			v[j] = minMax01(c, res.Directions[j])
		default:
			return nil, &CalcError{Kind: CalcUnknownOption, Row: -1, Col: -1, Detail: "normalise=" + normalise}
		}
		for i := range v[j] {
			v[j][i] *= res.Weights[j]
		}
	}
	res.Ideal, res.AntiIdeal = make([]float64, n), make([]float64, n)
	separates := false
	for j := range n {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, x := range v[j] {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
		if normalise == TOPSISVector && res.Directions[j] == Cost {
			lo, hi = hi, lo
		}
		res.Ideal[j], res.AntiIdeal[j] = hi, lo
		separates = separates || hi != lo
	}
	if !separates {
		return nil, &CalcError{Kind: CalcNoInformation, Row: -1, Col: -1}
	}
	res.DPlus, res.DMinus, res.Closeness = make([]float64, m), make([]float64, m), make([]float64, m)
	for i := range m {
		var sp, sm float64
		for j := range n {
			sp += (v[j][i] - res.Ideal[j]) * (v[j][i] - res.Ideal[j])
			sm += (v[j][i] - res.AntiIdeal[j]) * (v[j][i] - res.AntiIdeal[j])
		}
		res.DPlus[i], res.DMinus[i] = math.Sqrt(sp), math.Sqrt(sm)
		// d⁺ + d⁻ > 0 because the ideal and anti-ideal differ somewhere.
		res.Closeness[i] = res.DMinus[i] / (res.DPlus[i] + res.DMinus[i])
	}
	res.Rank = rankDescending(res.Closeness, 1e-12)
	return res, nil
}

// normaliseWeights checks n weights and scales them to sum 1.
func normaliseWeights(w []float64, n int) ([]float64, error) {
	if len(w) != n {
		return nil, &CalcError{Kind: CalcWeightCount, Row: -1, Col: -1, Value: float64(len(w)), Other: float64(n)}
	}
	s := 0.0
	for j, x := range w {
		if !(x >= 0) || math.IsInf(x, 0) {
			return nil, &CalcError{Kind: CalcBadWeight, Row: -1, Col: j, Value: x}
		}
		s += x
	}
	if s == 0 {
		return nil, &CalcError{Kind: CalcZeroWeights, Row: -1, Col: -1}
	}
	out := make([]float64, n)
	for j, x := range w {
		out[j] = x / s
	}
	return out, nil
}

// vectorNormalise divides x by its Euclidean norm; a zero column stays 0.
func vectorNormalise(x []float64) []float64 {
	s := 0.0
	for _, v := range x {
		s += v * v
	}
	out := make([]float64, len(x))
	if s == 0 {
		return out
	}
	norm := math.Sqrt(s)
	for i, v := range x {
		out[i] = v / norm
	}
	return out
}

// rankDescending ranks x from the largest (rank 1); values within tol of
// the previous one in sorted order share its rank, and the next distinct
// value skips the shared places (1, 2, 2, 4). The tolerance keeps two
// alternatives that are equal on paper from being split by rounding.
func rankDescending(x []float64, tol float64) []int {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return x[idx[a]] > x[idx[b]] })
	rank := make([]int, len(x))
	for k, i := range idx {
		if k > 0 && x[idx[k-1]]-x[i] <= tol {
			rank[i] = rank[idx[k-1]]
		} else {
			rank[i] = k + 1
		}
	}
	return rank
}
