package engine

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTOPSISPublished reproduces published TOPSIS closeness values.
func TestTOPSISPublished(t *testing.T) {
	tests := []struct {
		name    string
		rows    [][]float64
		weights []float64
		dirs    []float64
		norm    string
		want    []float64
		rank    []int
		tol     float64
	}{{
		// Tzeng, G.-H. & Huang, J.-J. (2011), Multiple Attribute Decision
		// Making: Methods and Applications, CRC Press, TOPSIS example:
		// 4 alternatives × 3 benefit criteria, weights 0.3, 0.4, 0.3, vector
		// normalisation; closeness 0.5037, 0.6581, 0.7482, 0.3340 (as
		// transcribed in scikit-criteria's tests/agg/test_similarity.py).
		name:    "TzengHuang2011",
		rows:    [][]float64{{5, 8, 4}, {7, 6, 8}, {8, 8, 6}, {7, 4, 6}},
		weights: []float64{0.3, 0.4, 0.3},
		norm:    TOPSISVector,
		want:    []float64{0.5037, 0.6581, 0.7482, 0.3340},
		rank:    []int{3, 2, 1, 4},
		tol:     0.00005,
	}, {
		// Opricovic, S. & Tzeng, G.-H. (2004), Compromise solution by MCDM
		// methods: a comparative analysis of VIKOR and TOPSIS, European
		// Journal of Operational Research 156(2), 445–455: A1–A3 with f1 =
		// 1, 2, 5 (cost) and f2 = 3000, 3750, 4500 (benefit), equal weights;
		// closeness 0.500, 0.617, 0.500 (as transcribed in pymcdm's
		// test_mcdm.py, whose TOPSIS normalises by min-max). A1 and A3 tie.
		name:    "OpricovicTzeng2004",
		rows:    [][]float64{{1, 3000}, {2, 3750}, {5, 4500}},
		weights: []float64{0.5, 0.5},
		dirs:    []float64{Cost, Benefit},
		norm:    TOPSISMinMax,
		want:    []float64{0.500, 0.617, 0.500},
		rank:    []int{2, 1, 2},
		tol:     0.0005,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := TOPSIS(byColumns(tt.rows), tt.weights, tt.dirs, tt.norm)
			if err != nil {
				t.Fatal(err)
			}
			assertClose(t, "closeness", res.Closeness, tt.want, tt.tol)
			if !slices.Equal(res.Rank, tt.rank) {
				t.Errorf("rank %v, want %v", res.Rank, tt.rank)
			}
		})
	}
}

// TestTOPSISHand checks vector TOPSIS with a cost criterion against a
// computation by hand: columns (3, 4) and (1, 1)·cost; r = (0.6, 0.8) and
// (1/√2, 1/√2), the second constant so only the first separates: A2 is
// the ideal, A1 the anti-ideal.
func TestTOPSISHand(t *testing.T) {
	res, err := TOPSIS([][]float64{{3, 4}, {1, 1}}, []float64{1, 3}, []float64{Benefit, Cost}, TOPSISVector)
	if err != nil {
		t.Fatal(err)
	}
	assertClose(t, "weights", res.Weights, []float64{0.25, 0.75}, 0)
	assertClose(t, "ideal", res.Ideal, []float64{0.2, 0.75 / math.Sqrt2}, 1e-16)
	assertClose(t, "closeness", res.Closeness, []float64{0, 1}, 0)
}

// TestTOPSISProperties: closeness in [0, 1]; scaling a column by c > 0
// changes nothing under either normalisation; scaling the weights changes
// nothing.
func TestTOPSISProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for _, norm := range []string{TOPSISVector, TOPSISMinMax} {
		t.Run(norm, func(t *testing.T) {
			for range 50 {
				m, n := 2+r.IntN(15), 1+r.IntN(6)
				cols := randomMatrix(r, m, n)
				w, dirs := make([]float64, n), make([]float64, n)
				for j := range n {
					w[j] = r.Float64() + 0.01
					dirs[j] = Benefit
					if r.IntN(2) == 0 {
						dirs[j] = Cost
					}
				}
				base, err := TOPSIS(cols, w, dirs, norm)
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range base.Closeness {
					if c < 0 || c > 1 {
						t.Errorf("closeness %g outside [0, 1]", c)
					}
				}
				j := r.IntN(n)
				scaled := slices.Clone(cols)
				scaled[j] = slices.Clone(cols[j])
				c := 0.001 + 1000*r.Float64()
				for i := range scaled[j] {
					scaled[j][i] *= c
				}
				if norm == TOPSISMinMax {
					// min-max is invariant to any positive affine change.
					for i := range scaled[j] {
						scaled[j][i] += 17
					}
				}
				w2 := slices.Clone(w)
				for k := range w2 {
					w2[k] *= 3
				}
				got, err := TOPSIS(scaled, w2, dirs, norm)
				if err != nil {
					t.Fatal(err)
				}
				assertClose(t, "closeness after scaling", got.Closeness, base.Closeness, 1e-12)
			}
		})
	}
}

func TestTOPSISErrors(t *testing.T) {
	cols := [][]float64{{1, 2}, {3, 4}}
	tests := []struct {
		name    string
		cols    [][]float64
		weights []float64
		dirs    []float64
		norm    string
		kind    CalcErrKind
		col     int
	}{
		{"weight count", cols, []float64{1}, nil, TOPSISVector, CalcWeightCount, -1},
		{"negative weight", cols, []float64{1, -1}, nil, TOPSISVector, CalcBadWeight, 1},
		{"zero weights", cols, []float64{0, 0}, nil, TOPSISVector, CalcZeroWeights, -1},
		{"direction count", cols, []float64{1, 1}, []float64{1, 1, 1}, TOPSISVector, CalcDirections, -1},
		{"unknown", cols, []float64{1, 1}, nil, "sum", CalcUnknownOption, -1},
		{"identical", [][]float64{{2, 2}, {5, 5}}, []float64{1, 1}, nil, TOPSISVector, CalcNoInformation, -1},
		{"missing", [][]float64{{2, math.NaN()}}, []float64{1}, nil, TOPSISVector, CalcMissing, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := TOPSIS(tt.cols, tt.weights, tt.dirs, tt.norm)
			if ce := calcErr(t, err); ce.Kind != tt.kind || ce.Col != tt.col {
				t.Errorf("kind %d col %d, want %d col %d: %v", ce.Kind, ce.Col, tt.kind, tt.col, ce)
			}
		})
	}
}

func TestRankDescending(t *testing.T) {
	got := rankDescending([]float64{0.5, 0.9, 0.5 + 1e-14, 0.1, 0.9}, 1e-12)
	if want := []int{3, 1, 3, 5, 1}; !slices.Equal(got, want) {
		t.Errorf("rank %v, want %v", got, want)
	}
}
