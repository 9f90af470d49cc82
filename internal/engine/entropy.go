package engine

import "math"

// Standardisations of the entropy method.
const (
	// StandardiseNone uses the raw data, which must be ≥ 0 (the formula of
	// DESIGN.md §3 and of most county evaluation methods).
	StandardiseNone = "none"
	// StandardiseMinMax first maps each column to [0, 1] in its direction
	// (the textbook variant, which also accepts negative data).
	StandardiseMinMax = "minmax"
)

// EntropyResult is the outcome of the entropy weight method (熵权法), with
// the conventions that produced it.
type EntropyResult struct {
	Standardise string    // StandardiseNone or StandardiseMinMax
	Directions  []float64 // the directions used by minmax; nil for none
	Entropy     []float64 // e_j, in [0, 1]
	Weights     []float64 // w_j = (1 − e_j) / Σ_k (1 − e_k); sums to 1
}

// EntropyWeights derives criterion weights from a decision matrix by the
// entropy method. cols[j][i] is alternative i on criterion j (the layout of
// Dataset.Vals); dirs gives each criterion's direction (Benefit or Cost) and
// is used by StandardiseMinMax only (nil means all benefit).
//
// With m alternatives: p_ij = z_ij / Σ_i z_ij, e_j = −(1/ln m) Σ_i p_ij ln p_ij
// with 0·ln 0 = 0, w_j = (1 − e_j) / Σ_k (1 − e_k), where z is the raw data
// (StandardiseNone, negative values are an error) or its direction-aware
// min-max standardisation. A constant column (or one of zeros) has e_j = 1
// exactly and so weight 0.
func EntropyWeights(cols [][]float64, standardise string, dirs []float64) (*EntropyResult, error) {
	m, err := checkCols(cols, 2)
	if err != nil {
		return nil, err
	}
	n := len(cols)
	res := &EntropyResult{Standardise: standardise, Entropy: make([]float64, n), Weights: make([]float64, n)}
	switch standardise {
	case StandardiseNone:
		for j, c := range cols {
			for i, v := range c {
				if v < 0 {
					return nil, &CalcError{Kind: CalcNegative, Row: i, Col: j, Value: v}
				}
			}
		}
	case StandardiseMinMax:
		if res.Directions, err = checkDirs(dirs, n); err != nil {
			return nil, err
		}
	default:
		return nil, &CalcError{Kind: CalcUnknownOption, Row: -1, Col: -1, Detail: "standardise=" + standardise}
	}
	lnm := math.Log(float64(m))
	total := 0.0
	for j, c := range cols {
		z := c
		if standardise == StandardiseMinMax {
			z = minMax01(c, res.Directions[j])
		}
		res.Entropy[j] = entropyOf(z, lnm)
		total += 1 - res.Entropy[j]
	}
	if total <= 0 {
		return nil, &CalcError{Kind: CalcNoInformation, Row: -1, Col: -1}
	}
	for j, e := range res.Entropy {
		res.Weights[j] = (1 - e) / total
	}
	return res, nil
}

// entropyOf returns the normalised Shannon entropy of the shares of z
// (z ≥ 0). A constant column is exactly 1 rather than 1 up to rounding, so
// that it gets weight exactly 0; rounding can also push a near-uniform
// column a hair above 1, which is clamped for the same reason.
func entropyOf(z []float64, lnm float64) float64 {
	if isConstant(z) {
		return 1
	}
	s := 0.0
	for _, v := range z {
		s += v
	}
	h := 0.0
	for _, v := range z {
		if v > 0 {
			p := v / s
			h -= p * math.Log(p)
		}
	}
	return math.Min(h/lnm, 1)
}
