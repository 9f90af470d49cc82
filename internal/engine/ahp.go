package engine

import (
	"math"
	"slices"
)

// Priority methods of AHP.
const (
	// PriorityEigen is the principal right eigenvector normalised to sum 1;
	// λmax is its eigenvalue (Saaty).
	PriorityEigen = "eigen"
	// PrioritySum is 和积法: columns normalised to sum 1, rows averaged.
	PrioritySum = "sum"
	// PriorityGeomean is 方根法: row geometric means normalised to sum 1.
	PriorityGeomean = "geomean"
)

// AHPMaxCR is the consistency threshold: a pairwise matrix with CR ≥ 0.1 is
// not acceptably consistent (Saaty).
const AHPMaxCR = 0.1

// ReciprocalTolerance is how far a_ij·a_ji may be from 1. Analysts type 1/7
// as 0.14 (3 % off) or 1/8 as 0.13 (4 % off); 5 % accepts two-decimal
// rounding yet rejects a real mistake such as 3 against 0.5 or a
// transposed matrix. Entries are used as written, not symmetrised.
const ReciprocalTolerance = 0.05

// The RI (mean random consistency index) tables, RI[n−1] for n = 1, 2, …;
// n = 1 and 2 are 0 because such matrices are always consistent.
var riTables = map[string][]float64{
	// Saaty, T. L. (1980), The Analytic Hierarchy Process, McGraw-Hill, p. 21
	// (n = 1…10, also DESIGN.md §3). n = 11…15 (1.51, 1.48, 1.56, 1.57,
	// 1.59) are the extension printed with Saaty's table in secondary
	// sources (e.g. Bernardus et al. 2012, p. 268, quoted at
	// library.binus.ac.id); not checked against the book itself.
	"saaty1980": {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59},
	// Saaty, T. L. (2005), Theory and Applications of the Analytic Network
	// Process, RWS Publications, p. 31 (as transcribed in AHPy,
	// github.com/PhilipGriffith/AHPy, ahpy.py, random_index='saaty').
	"saaty2005": {0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59},
	// 龚木森、许树柏 (1986)，《层次分析法中平均随机一致性指标的研究》, the table
	// of Chinese AHP textbooks (许树柏《实用决策方法：层次分析法原理》, 1988);
	// n = 3…10 as in DESIGN.md §3, n = 11…15 as printed with it.
	"gong-xu": {0, 0, 0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59},
	// Donegan, H. A. & Dodd, F. J. (1991), A note on Saaty's random indexes,
	// Mathematical and Computer Modelling 15(10), 135–137,
	// doi:10.1016/0895-7177(91)90098-R (n = 3…20 as transcribed in AHPy,
	// random_index='dd'; the paper also gives n = 25…100 in steps, which a
	// pairwise matrix of an evaluation method never reaches).
	"donegan-dodd": {0, 0, 0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213,
		1.4497, 1.4643, 1.4822, 1.4969, 1.5078, 1.5153, 1.5262, 1.5313, 1.5371},
	// Tummala, V. M. R. & Ling, H. (1998), A note on the computation of the
	// mean random consistency index of the analytic hierarchy process (AHP),
	// Theory and Decision 44(3), 221–230 (n = 1…15 as transcribed in pymcdm,
	// github.com/kotbaton/pymcdm, weights/subjective/ahp.py).
	"tummala-ling": {0, 0, 0.5799, 0.8921, 1.1159, 1.2358, 1.3322, 1.3952, 1.4537, 1.4882, 1.5117,
		1.5356, 1.5571, 1.5714, 1.5831},
}

// RITables lists the names of the RI tables, the default first.
var RITables = []string{"saaty1980", "saaty2005", "gong-xu", "donegan-dodd", "tummala-ling"}

// RandomIndex returns the RI of the named table for an n×n matrix.
func RandomIndex(table string, n int) (float64, error) {
	t, ok := riTables[table]
	if !ok {
		return 0, &CalcError{Kind: CalcUnknownOption, Row: -1, Col: -1, Detail: "ri=" + table}
	}
	if n < 1 || n > len(t) {
		return 0, &CalcError{Kind: CalcNoRI, Row: -1, Col: -1, Value: float64(n), Other: float64(len(t)), Detail: table}
	}
	return t[n-1], nil
}

// AHPResult is the outcome of AHP on one pairwise comparison matrix, with
// the conventions that produced it.
type AHPResult struct {
	Priority  string    // PriorityEigen, PrioritySum or PriorityGeomean
	RITable   string    // name of the RI table
	Weights   []float64 // priorities, summing to 1
	LambdaMax float64   // eigen: the Perron eigenvalue; sum, geomean: mean((Aw)_i / w_i)
	CI        float64   // (λmax − n)/(n − 1); 0 for n ≤ 2
	RI        float64   // from RITable; 0 for n ≤ 2
	CR        float64   // CI/RI; 0 for n ≤ 2
}

// Consistent reports whether CR < AHPMaxCR.
func (r *AHPResult) Consistent() bool { return r.CR < AHPMaxCR }

// AHPWeights derives priorities from a square pairwise comparison matrix a
// (a[i][j] = importance of criterion i over j; positive, a[i][i] = 1,
// a[j][i] = 1/a[i][j] within ReciprocalTolerance) and checks its
// consistency against the named RI table.
func AHPWeights(a [][]float64, priority, riTable string) (*AHPResult, error) {
	n, err := checkPairwise(a)
	if err != nil {
		return nil, err
	}
	res := &AHPResult{Priority: priority, RITable: riTable}
	if _, ok := riTables[riTable]; !ok {
		return nil, &CalcError{Kind: CalcUnknownOption, Row: -1, Col: -1, Detail: "ri=" + riTable}
	}
	switch priority {
	case PriorityEigen:
		res.Weights, res.LambdaMax, err = perron(a)
		if err != nil {
			return nil, err
		}
	case PrioritySum:
		res.Weights = columnNormalisedMeans(a)
		res.LambdaMax = meanRatio(a, res.Weights)
	case PriorityGeomean:
		res.Weights = rowGeomeans(a)
		res.LambdaMax = meanRatio(a, res.Weights)
	default:
		return nil, &CalcError{Kind: CalcUnknownOption, Row: -1, Col: -1, Detail: "priority=" + priority}
	}
	if n <= 2 {
		// A positive reciprocal 1×1 or 2×2 matrix is always consistent.
		res.LambdaMax = float64(n)
		return res, nil
	}
	if res.RI, err = RandomIndex(riTable, n); err != nil {
		return nil, err
	}
	// λmax ≥ n for every positive reciprocal matrix, both for the Perron
	// root and for mean((Aw)_i / w_i) (AM–GM on a_ij·w_j/w_i + a_ji·w_i/w_j).
	// A λmax within n·1e-12 of n is rounding: entries typed as ratios carry
	// relative errors of 1e-16, far below any inconsistency worth reporting.
	// It is snapped to n so that a consistent matrix shows CI = CR = 0.
	if res.LambdaMax-float64(n) <= float64(n)*1e-12 {
		res.LambdaMax = float64(n)
	}
	res.CI = (res.LambdaMax - float64(n)) / float64(n-1)
	res.CR = res.CI / res.RI
	return res, nil
}

// checkPairwise validates a pairwise comparison matrix and returns its order.
func checkPairwise(a [][]float64) (int, error) {
	n := len(a)
	if n == 0 {
		return 0, &CalcError{Kind: CalcNoCriteria, Row: -1, Col: -1}
	}
	for i, row := range a {
		if len(row) != n {
			return 0, &CalcError{Kind: CalcNotSquare, Row: i, Col: -1, Value: float64(len(row)), Other: float64(n)}
		}
		for j, v := range row {
			if !(v > 0) || math.IsInf(v, 0) {
				return 0, &CalcError{Kind: CalcNotPositive, Row: i, Col: j, Value: v}
			}
		}
		if row[i] != 1 {
			return 0, &CalcError{Kind: CalcDiagonal, Row: i, Col: i, Value: row[i]}
		}
	}
	// The lower triangle is checked against the upper, so that the error
	// points at the entry below the diagonal, the one usually derived.
	for i := 1; i < n; i++ {
		for j := range i {
			if math.Abs(a[i][j]*a[j][i]-1) > ReciprocalTolerance {
				return 0, &CalcError{Kind: CalcNotReciprocal, Row: i, Col: j, Value: a[i][j], Other: a[j][i]}
			}
		}
	}
	return n, nil
}

// perron returns the principal right eigenvector of the positive matrix a,
// normalised to sum 1, and its eigenvalue.
//
// Power iteration rather than gonum's general eigensolver: for a positive
// matrix the Perron root is simple and strictly larger in modulus than every
// other eigenvalue (Perron–Frobenius), so the iteration converges
// geometrically from any positive start, stays real and positive
// throughout, and needs no dependency. Starting from the row geometric
// means, which are already close for a nearly consistent matrix, it
// iterates until no component moves by more than 1e-15. Rounding noise of
// the products can keep the change a few ulps above that, and a complex
// pair of subdominant eigenvalues makes the change oscillate rather than
// shrink steadily, so once it is below 1e-12 the iteration also stops after
// 100 steps without a new smallest change.
func perron(a [][]float64) ([]float64, float64, error) {
	const maxIter = 100000
	n := len(a)
	w := rowGeomeans(a)
	next := make([]float64, n)
	best, stall := math.Inf(1), 0
	for range maxIter {
		s := 0.0
		for i, row := range a {
			v := 0.0
			for j, x := range row {
				v += x * w[j]
			}
			next[i] = v
			s += v
		}
		diff := 0.0
		for i := range next {
			next[i] /= s
			diff = max(diff, math.Abs(next[i]-w[i]))
		}
		w, next = next, w
		if diff < best {
			best, stall = diff, 0
		} else {
			stall++
		}
		if diff <= 1e-15 || (best < 1e-12 && stall >= 100) {
			// With Σw = 1, Σ_i (Aw)_i is the Rayleigh-type estimate of λ
			// that equals every (Aw)_i / w_i at the fixed point.
			lambda := 0.0
			for _, row := range a {
				for j, x := range row {
					lambda += x * w[j]
				}
			}
			return w, lambda, nil
		}
	}
	return nil, 0, &CalcError{Kind: CalcNoConvergence, Row: -1, Col: -1}
}

// columnNormalisedMeans is 和积法: each column divided by its sum, then the
// mean of each row.
func columnNormalisedMeans(a [][]float64) []float64 {
	n := len(a)
	colSum := make([]float64, n)
	for _, row := range a {
		for j, x := range row {
			colSum[j] += x
		}
	}
	w := make([]float64, n)
	for i, row := range a {
		for j, x := range row {
			w[i] += x / colSum[j]
		}
		w[i] /= float64(n)
	}
	return w
}

// rowGeomeans is 方根法: the geometric mean of each row, normalised to sum 1.
// Logarithms avoid overflow of the row product for large n.
func rowGeomeans(a [][]float64) []float64 {
	n := len(a)
	w := make([]float64, n)
	s := 0.0
	for i, row := range a {
		l := 0.0
		for _, x := range row {
			l += math.Log(x)
		}
		w[i] = math.Exp(l / float64(n))
		s += w[i]
	}
	for i := range w {
		w[i] /= s
	}
	return w
}

// meanRatio is λmax of the approximate methods: mean over i of (Aw)_i / w_i.
func meanRatio(a [][]float64, w []float64) float64 {
	s := 0.0
	for i, row := range a {
		v := 0.0
		for j, x := range row {
			v += x * w[j]
		}
		s += v / w[i]
	}
	return s / float64(len(a))
}

// ahpPriorities lists the priority methods, the default first.
var ahpPriorities = []string{PriorityEigen, PrioritySum, PriorityGeomean}

// AHPPriorities returns the names of the priority methods, the default first.
func AHPPriorities() []string { return slices.Clone(ahpPriorities) }
