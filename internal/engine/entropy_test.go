package engine

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// byColumns turns a matrix printed as rows (alternatives) into the
// column-major layout of the calculators.
func byColumns(rows [][]float64) [][]float64 {
	cols := make([][]float64, len(rows[0]))
	for j := range cols {
		for _, r := range rows {
			cols[j] = append(cols[j], r[j])
		}
	}
	return cols
}

// assertClose fails when got and want differ by more than tol anywhere.
func assertClose(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > tol {
			t.Errorf("%s[%d] = %.10g, want %.10g (±%g)", what, i, got[i], want[i], tol)
		}
	}
}

// assertSumsToOne fails unless w sums to 1 within rounding.
func assertSumsToOne(t *testing.T, w []float64) {
	t.Helper()
	s := 0.0
	for _, x := range w {
		s += x
	}
	if math.Abs(s-1) > 1e-12 {
		t.Errorf("weights sum to %.17g, want 1", s)
	}
}

// calcErr returns err as a *CalcError, failing the test when it is not one.
func calcErr(t *testing.T, err error) *CalcError {
	t.Helper()
	var ce *CalcError
	if !errors.As(err, &ce) {
		t.Fatalf("error %v is not a *CalcError", err)
	}
	return ce
}

// randomMatrix returns m alternatives × n criteria of positive values.
func randomMatrix(r *rand.Rand, m, n int) [][]float64 {
	cols := make([][]float64, n)
	for j := range cols {
		cols[j] = make([]float64, m)
		for i := range cols[j] {
			cols[j][i] = 1 + 100*r.Float64()
		}
	}
	return cols
}

// TestEntropyPublished reproduces published entropy weights (raw data,
// p_ij = x_ij/Σx, e_j normalised by ln m), at the precision printed.
func TestEntropyPublished(t *testing.T) {
	tests := []struct {
		name string
		rows [][]float64
		want []float64
		tol  float64
	}{{
		// Xu, X. (2004), A note on the subjective and objective integrated
		// approach to determine attribute weights, European Journal of
		// Operational Research 156(2), 530–532, doi:10.1016/S0377-2217(03)00146-2:
		// 4 alternatives × 4 attributes, entropy weights 0.4630, 0.3992,
		// 0.1378, 0.0000 (numbers as transcribed in the tests of pyrepo-mcda).
		name: "Xu2004",
		rows: [][]float64{{30, 30, 38, 29}, {19, 54, 86, 29}, {19, 15, 85, 28.9}, {68, 70, 60, 29}},
		want: []float64{0.4630, 0.3992, 0.1378, 0.0000},
		tol:  0.00005,
	}, {
		// Elsayed, E. A., Dawood, A. S. & Karthikeyan, R. (2017), Evaluating
		// alternatives through the application of TOPSIS method with entropy
		// weight, Int. J. Engineering Trends and Technology 46(2), 60–66:
		// 12 alternatives × 5 criteria, weights 0.104991, 0.069124, 0.071373,
		// 0.449937, 0.304575 (as transcribed in pymcdm's test_weights.py).
		name: "Elsayed2017",
		rows: [][]float64{{7, 312, 1891, 6613, 163}, {72, 88, 728, 941804, 1078}, {10, 252, 2594, 3466, 117471},
			{10, 145, 980, 2371, 86329}, {65, 54, 350, 501, 29897}, {29, 48, 380, 912, 34051},
			{7, 476, 3300, 78470, 2212}, {70, 87, 650, 733, 819000}, {4, 86, 591, 3015, 103},
			{12, 79, 579, 3240, 96098}, {21, 45, 261, 1253, 453}, {1, 72, 530, 4333, 0.104800}},
		want: []float64{0.104991, 0.069124, 0.071373, 0.449937, 0.304575},
		tol:  0.0000005,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := EntropyWeights(byColumns(tt.rows), StandardiseNone, nil)
			if err != nil {
				t.Fatal(err)
			}
			assertClose(t, "weights", res.Weights, tt.want, tt.tol)
			assertSumsToOne(t, res.Weights)
		})
	}
}

// TestEntropyMinMax checks the standardised variant on a matrix small
// enough to do by hand: with 3 alternatives, a benefit column 1, 2, 3
// standardises to 0, ½, 1, whose shares 0, ⅓, ⅔ have entropy
// −(⅓ ln ⅓ + ⅔ ln ⅔)/ln 3; the cost column 3, 2, 1 standardises the same.
func TestEntropyMinMax(t *testing.T) {
	cols := [][]float64{{1, 2, 3}, {3, 2, 1}, {-5, -5, 7}}
	res, err := EntropyWeights(cols, StandardiseMinMax, []float64{Benefit, Cost, Benefit})
	if err != nil {
		t.Fatal(err)
	}
	e := -(math.Log(1.0/3)/3 + 2*math.Log(2.0/3)/3) / math.Log(3)
	e3 := 0.0 // shares 0, 0, 1
	d := 2*(1-e) + (1 - e3)
	assertClose(t, "entropy", res.Entropy, []float64{e, e, e3}, 1e-15)
	assertClose(t, "weights", res.Weights, []float64{(1 - e) / d, (1 - e) / d, 1 / d}, 1e-15)
}

// TestEntropyProperties: weights sum to 1, and a constant column gets
// weight exactly 0, under both standardisations.
func TestEntropyProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 1))
	for _, std := range []string{StandardiseNone, StandardiseMinMax} {
		t.Run(std, func(t *testing.T) {
			for range 50 {
				cols := randomMatrix(r, 2+r.IntN(20), 1+r.IntN(6))
				cols = append(cols, []float64{})
				for range cols[0] {
					cols[len(cols)-1] = append(cols[len(cols)-1], 42)
				}
				res, err := EntropyWeights(cols, std, nil)
				if err != nil {
					t.Fatal(err)
				}
				assertSumsToOne(t, res.Weights)
				if w := res.Weights[len(cols)-1]; w != 0 {
					t.Errorf("constant column has weight %g, want 0", w)
				}
				for j, w := range res.Weights {
					if w < 0 {
						t.Errorf("weight %d = %g < 0", j, w)
					}
				}
			}
		})
	}
}

func TestEntropyErrors(t *testing.T) {
	tests := []struct {
		name     string
		cols     [][]float64
		std      string
		dirs     []float64
		kind     CalcErrKind
		row, col int
	}{
		{"negative", [][]float64{{1, 2, 3}, {4, -5, 6}}, StandardiseNone, nil, CalcNegative, 1, 1},
		{"missing", [][]float64{{1, math.NaN(), 3}}, StandardiseNone, nil, CalcMissing, 1, 0},
		{"one alternative", [][]float64{{1}}, StandardiseNone, nil, CalcNoData, -1, -1},
		{"no criteria", nil, StandardiseNone, nil, CalcNoCriteria, -1, -1},
		{"ragged", [][]float64{{1, 2}, {1}}, StandardiseNone, nil, CalcRagged, -1, 1},
		{"all constant", [][]float64{{1, 1}, {0, 0}}, StandardiseNone, nil, CalcNoInformation, -1, -1},
		{"unknown", [][]float64{{1, 2}}, "zscore", nil, CalcUnknownOption, -1, -1},
		{"directions", [][]float64{{1, 2}}, StandardiseMinMax, []float64{1, 1}, CalcDirections, -1, -1},
		{"bad direction", [][]float64{{1, 2}}, StandardiseMinMax, []float64{0}, CalcBadDirection, -1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := EntropyWeights(tt.cols, tt.std, tt.dirs)
			ce := calcErr(t, err)
			if ce.Kind != tt.kind || ce.Row != tt.row || ce.Col != tt.col {
				t.Errorf("got kind %d at (%d,%d), want kind %d at (%d,%d): %v", ce.Kind, ce.Row, ce.Col, tt.kind, tt.row, tt.col, ce)
			}
			if ce.Message("zh") == ce.Message("en") {
				t.Errorf("message not translated: %q", ce.Message("en"))
			}
		})
	}
}

// TestEntropyNegativeAllowedWithMinMax: min-max standardisation makes the
// textbook variant usable on data with negative values.
func TestEntropyNegativeAllowedWithMinMax(t *testing.T) {
	if _, err := EntropyWeights([][]float64{{1, -2, 3}, {4, 5, -6}}, StandardiseMinMax, nil); err != nil {
		t.Fatal(err)
	}
}
