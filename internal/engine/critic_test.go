package engine

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestCRITICPublished reproduces published CRITIC weights.
func TestCRITICPublished(t *testing.T) {
	tests := []struct {
		name string
		rows [][]float64
		dirs []float64
		want []float64
		tol  float64
	}{{
		// Diakoulaki, D., Mavrotas, G. & Papayannakis, L. (1995), Determining
		// objective weights in multiple criteria problems: the CRITIC method,
		// Computers & Operations Research 22(7), 763–770: the paper's
		// 8 × 3 example, all criteria to be maximised; weights 0.20222554,
		// 0.48090173, 0.31687273 (as transcribed in scikit-criteria's
		// tests/preprocessing/test_weighters.py).
		name: "Diakoulaki1995",
		rows: [][]float64{{61, 1.08, 4.33}, {20.7, 0.26, 4.34}, {16.3, 1.98, 2.53}, {9.0, 3.29, 1.65},
			{5.4, 2.77, 2.33}, {4.0, 4.12, 1.21}, {-6.1, 3.52, 2.10}, {-34.6, 3.31, 0.98}},
		want: []float64{0.20222554, 0.48090173, 0.31687273},
		tol:  0.000000005,
	}, {
		// Tuş, A. & Aytaç Adalı, E. (2019), The new combination with CRITIC
		// and WASPAS methods for the time and attendance software selection
		// problem, OPSEARCH 56(2), 528–538: 5 alternatives × 6 criteria,
		// CRITIC weights 0.157, 0.249, 0.168, 0.121, 0.154, 0.151 (as
		// transcribed in pymcdm's and pyrepo-mcda's tests). The printed
		// weights come from standardising every column as a benefit.
		name: "TusAdali2019",
		rows: [][]float64{{5000, 3, 3, 4, 3, 2}, {680, 5, 3, 2, 2, 1}, {2000, 3, 2, 3, 4, 3},
			{600, 4, 3, 1, 2, 2}, {800, 2, 4, 3, 3, 4}},
		want: []float64{0.157, 0.249, 0.168, 0.121, 0.154, 0.151},
		tol:  0.0005,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := CRITICWeights(byColumns(tt.rows), tt.dirs)
			if err != nil {
				t.Fatal(err)
			}
			assertClose(t, "weights", res.Weights, tt.want, tt.tol)
			assertSumsToOne(t, res.Weights)
		})
	}
}

// TestCRITICDirection: a cost column standardises to 1 − z, which keeps σ
// and flips the sign of every correlation with it.
func TestCRITICDirection(t *testing.T) {
	cols := [][]float64{{1, 2, 4, 8}, {3, 1, 4, 1}, {2, 7, 1, 8}}
	ben, err := CRITICWeights(cols, nil)
	if err != nil {
		t.Fatal(err)
	}
	cost, err := CRITICWeights(cols, []float64{Cost, Benefit, Benefit})
	if err != nil {
		t.Fatal(err)
	}
	assertClose(t, "sd", cost.SD, ben.SD, 1e-15)
	for k := 1; k < 3; k++ {
		if math.Abs(cost.Corr[0][k]+ben.Corr[0][k]) > 1e-15 {
			t.Errorf("r[0][%d]: cost %g, benefit %g; want opposite", k, cost.Corr[0][k], ben.Corr[0][k])
		}
	}
	if math.Abs(cost.Corr[1][2]-ben.Corr[1][2]) > 1e-15 {
		t.Errorf("r[1][2] changed: %g vs %g", cost.Corr[1][2], ben.Corr[1][2])
	}
}

// TestCRITICProperties: weights sum to 1; a constant column gets weight 0.
func TestCRITICProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 9))
	for range 50 {
		cols := randomMatrix(r, 3+r.IntN(20), 2+r.IntN(6))
		cols = append(cols, make([]float64, len(cols[0])))
		res, err := CRITICWeights(cols, nil)
		if err != nil {
			t.Fatal(err)
		}
		assertSumsToOne(t, res.Weights)
		if w := res.Weights[len(cols)-1]; w != 0 {
			t.Errorf("constant column has weight %g, want 0", w)
		}
	}
}

func TestCRITICErrors(t *testing.T) {
	tests := []struct {
		name string
		cols [][]float64
		dirs []float64
		kind CalcErrKind
	}{
		{"directions", [][]float64{{1, 2}, {2, 1}}, []float64{1}, CalcDirections},
		{"missing", [][]float64{{1, 2}, {math.NaN(), 1}}, nil, CalcMissing},
		{"all constant", [][]float64{{1, 1}, {2, 2}}, nil, CalcNoInformation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CRITICWeights(tt.cols, tt.dirs)
			if ce := calcErr(t, err); ce.Kind != tt.kind {
				t.Errorf("kind %d, want %d: %v", ce.Kind, tt.kind, ce)
			}
		})
	}
}
