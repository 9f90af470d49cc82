package engine

import "math"

// CRITICResult is the outcome of the CRITIC method (Criteria Importance
// Through Intercriteria Correlation, Diakoulaki, Mavrotas & Papayannakis
// 1995), with its intermediate quantities.
type CRITICResult struct {
	Directions  []float64   // the directions used for the standardisation
	SD          []float64   // σ_j of the standardised column (n − 1 denominator)
	Corr        [][]float64 // Pearson r_jk between standardised columns
	Conflict    []float64   // Σ_k (1 − r_jk)
	Information []float64   // C_j = σ_j · Σ_k (1 − r_jk)
	Weights     []float64   // w_j = C_j / Σ_k C_k; sums to 1
}

// CRITICWeights derives criterion weights from a decision matrix by CRITIC.
// cols[j][i] is alternative i on criterion j; dirs gives each criterion's
// direction (nil means all benefit). Each column is standardised to [0, 1]
// in its direction by min-max; σ_j is its sample standard deviation and r_jk
// the Pearson correlation between standardised columns. The divisor of σ
// (n or n − 1) cancels in the weights. A constant column has σ = 0, so
// weight 0, and its correlation with the others, undefined, is taken as 0.
func CRITICWeights(cols [][]float64, dirs []float64) (*CRITICResult, error) {
	if _, err := checkCols(cols, 2); err != nil {
		return nil, err
	}
	n := len(cols)
	dirs, err := checkDirs(dirs, n)
	if err != nil {
		return nil, err
	}
	res := &CRITICResult{Directions: dirs, SD: make([]float64, n), Corr: make([][]float64, n),
		Conflict: make([]float64, n), Information: make([]float64, n), Weights: make([]float64, n)}
	z := make([][]float64, n)
	for j, c := range cols {
		z[j] = minMax01(c, dirs[j])
		res.SD[j] = SD(z[j])
		res.Corr[j] = make([]float64, n)
	}
	for j := range n {
		res.Corr[j][j] = 1
		for k := j + 1; k < n; k++ {
			r := pearson(z[j], z[k])
			res.Corr[j][k], res.Corr[k][j] = r, r
		}
	}
	total := 0.0
	for j := range n {
		for k := range n {
			res.Conflict[j] += 1 - res.Corr[j][k]
		}
		res.Information[j] = res.SD[j] * res.Conflict[j]
		total += res.Information[j]
	}
	if total <= 0 {
		return nil, &CalcError{Kind: CalcNoInformation, Row: -1, Col: -1}
	}
	for j, c := range res.Information {
		res.Weights[j] = c / total
	}
	return res, nil
}

// pearson returns the Pearson correlation of x and y, or 0 when either is
// constant (no linear association can be measured).
func pearson(x, y []float64) float64 {
	mx, my := Mean(x), Mean(y)
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	// Clamped because rounding can leave |r| a hair above 1 for collinear
	// columns, which would make 1 − r negative.
	return math.Max(-1, math.Min(1, sxy/math.Sqrt(sxx*syy)))
}
