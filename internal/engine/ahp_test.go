package engine

import (
	"math"
	"math/rand/v2"
	"testing"
)

// saatyDrinks is the pairwise matrix "which drink is consumed more in the
// U.S.?" of Saaty, T. L. (2008), Decision making with the analytic
// hierarchy process, Int. J. Services Sciences 1(1), 83–98 (Table 2), in
// the order coffee, wine, tea, beer, sodas, milk, water.
var saatyDrinks = [][]float64{
	{1, 9, 5, 2, 1, 1, 1. / 2},
	{1. / 9, 1, 1. / 3, 1. / 9, 1. / 9, 1. / 9, 1. / 9},
	{1. / 5, 3, 1, 1. / 3, 1. / 4, 1. / 3, 1. / 9},
	{1. / 2, 9, 3, 1, 1. / 2, 1, 1. / 3},
	{1, 9, 4, 2, 1, 2, 1. / 2},
	{1, 9, 3, 1, 1. / 2, 1, 1. / 3},
	{2, 9, 9, 3, 2, 3, 1},
}

// TestAHPSaatyDrinks: Saaty (2008) prints the derived priorities .177,
// .019, .042, .116, .190, .129, .327 and C.R. = .022; AHPy's tests
// (github.com/PhilipGriffith/AHPy, tests/test_ahp.py) reproduce them with
// the Saaty 2005 RI (n = 7: 1.35) and give CR = 0.0235 with the
// Donegan–Dodd RI (1.2519).
func TestAHPSaatyDrinks(t *testing.T) {
	res, err := AHPWeights(saatyDrinks, PriorityEigen, "saaty2005")
	if err != nil {
		t.Fatal(err)
	}
	assertClose(t, "weights", res.Weights, []float64{.177, .019, .042, .116, .190, .129, .327}, 0.0005)
	if math.Abs(res.CR-0.022) > 0.0005 || res.RI != 1.35 {
		t.Errorf("CR = %g with RI %g, want 0.022 with 1.35", res.CR, res.RI)
	}
	if !res.Consistent() {
		t.Error("Consistent() = false for CR 0.022")
	}
	dd, err := AHPWeights(saatyDrinks, PriorityEigen, "donegan-dodd")
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(dd.CR-0.0235) > 0.00005 {
		t.Errorf("CR (Donegan–Dodd) = %g, want 0.0235", dd.CR)
	}
	assertEigen(t, saatyDrinks, res.Weights, res.LambdaMax)
}

// TestAHPSaatyCities is the "best city to live in" hierarchy of Saaty, T. L.
// (2005), Theory and Applications of the Analytic Network Process, RWS
// Publications: five criteria (culture, family, housing, jobs,
// transportation) and four cities (Bethesda, Boston, Pittsburgh, Santa Fe)
// with their pairwise matrices; the synthesised priorities are .229, .275,
// .385, .111 (as transcribed in AHPy's tests/test_ahp.py).
func TestAHPSaatyCities(t *testing.T) {
	criteria := [][]float64{
		{1, 1. / 5, 3, 1. / 2, 5},
		{5, 1, 7, 1, 7},
		{1. / 3, 1. / 7, 1, 1. / 4, 3},
		{2, 1, 4, 1, 7},
		{1. / 5, 1. / 7, 1. / 3, 1. / 7, 1},
	}
	cities := [][][]float64{
		{{1, 1. / 2, 1, 1. / 2}, {2, 1, 2.5, 1}, {1, 1 / 2.5, 1, 1 / 2.5}, {2, 1, 2.5, 1}},
		{{1, 2, 1. / 3, 4}, {1. / 2, 1, 1. / 8, 2}, {3, 8, 1, 9}, {1. / 4, 1. / 2, 1. / 9, 1}},
		{{1, 5, 1. / 2, 2.5}, {1. / 5, 1, 1. / 9, 1. / 4}, {2, 9, 1, 7}, {1 / 2.5, 4, 1. / 7, 1}},
		{{1, 1. / 2, 3, 4}, {2, 1, 6, 8}, {1. / 3, 1. / 6, 1, 1}, {1. / 4, 1. / 8, 1, 1}},
		{{1, 1.5, 1. / 2, 4}, {1 / 1.5, 1, 1 / 3.5, 2.5}, {2, 3.5, 1, 9}, {1. / 4, 1 / 2.5, 1. / 9, 1}},
	}
	top, err := AHPWeights(criteria, PriorityEigen, "saaty2005")
	if err != nil {
		t.Fatal(err)
	}
	total := make([]float64, 4)
	for k, m := range cities {
		res, err := AHPWeights(m, PriorityEigen, "saaty2005")
		if err != nil {
			t.Fatal(err)
		}
		for i, w := range res.Weights {
			total[i] += top.Weights[k] * w
		}
	}
	assertClose(t, "synthesis", total, []float64{.229, .275, .385, .111}, 0.0005)
}

// assertEigen fails unless A·w = λ·w to rounding.
func assertEigen(t *testing.T, a [][]float64, w []float64, lambda float64) {
	t.Helper()
	for i, row := range a {
		v := 0.0
		for j, x := range row {
			v += x * w[j]
		}
		if math.Abs(v-lambda*w[i]) > 1e-13 {
			t.Errorf("(Aw)_%d = %.17g, λw_%d = %.17g", i, v, i, lambda*w[i])
		}
	}
}

// TestAHPApproximations checks 和积法 and 方根法 by hand on a 3 × 3 matrix:
// A = [1 2 4; ½ 1 3; ¼ ⅓ 1]. Column sums 7/4, 10/3, 8 give the row means of
// the normalised columns; the geometric means are ∛8, ∛(3/2), ∛(1/12).
func TestAHPApproximations(t *testing.T) {
	a := [][]float64{{1, 2, 4}, {0.5, 1, 3}, {0.25, 1. / 3, 1}}
	sum := []float64{
		(4.0/7 + 0.6 + 0.5) / 3,
		(2.0/7 + 0.3 + 3.0/8) / 3,
		(1.0/7 + 0.1 + 1.0/8) / 3,
	}
	g := []float64{2, math.Cbrt(1.5), math.Cbrt(1.0 / 12)}
	gs := g[0] + g[1] + g[2]
	geo := []float64{g[0] / gs, g[1] / gs, g[2] / gs}
	for _, tt := range []struct {
		priority string
		want     []float64
	}{{PrioritySum, sum}, {PriorityGeomean, geo}} {
		t.Run(tt.priority, func(t *testing.T) {
			res, err := AHPWeights(a, tt.priority, "gong-xu")
			if err != nil {
				t.Fatal(err)
			}
			assertClose(t, "weights", res.Weights, tt.want, 1e-15)
			lambda := 0.0
			for i, row := range a {
				v := 0.0
				for j, x := range row {
					v += x * tt.want[j]
				}
				lambda += v / tt.want[i] / 3
			}
			if math.Abs(res.LambdaMax-lambda) > 1e-14 {
				t.Errorf("λmax = %.17g, want %.17g", res.LambdaMax, lambda)
			}
			if ci := (lambda - 3) / 2; math.Abs(res.CI-ci) > 1e-14 || math.Abs(res.CR-ci/0.52) > 1e-13 {
				t.Errorf("CI, CR = %g, %g, want %g, %g", res.CI, res.CR, ci, ci/0.52)
			}
		})
	}
}

// TestAHPConsistent: a perfectly consistent matrix a_ij = w_i/w_j has
// CR = 0 and every priority method recovers w.
func TestAHPConsistent(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 2))
	for range 30 {
		n := 1 + r.IntN(12)
		w := make([]float64, n)
		s := 0.0
		for i := range w {
			w[i] = 0.05 + r.Float64()
			s += w[i]
		}
		for i := range w {
			w[i] /= s
		}
		a := make([][]float64, n)
		for i := range a {
			a[i] = make([]float64, n)
			for j := range a[i] {
				a[i][j] = w[i] / w[j]
			}
			a[i][i] = 1
		}
		for _, p := range AHPPriorities() {
			res, err := AHPWeights(a, p, "saaty1980")
			if err != nil {
				t.Fatal(err)
			}
			assertClose(t, p+" weights", res.Weights, w, 1e-12)
			assertSumsToOne(t, res.Weights)
			if res.CR != 0 || res.CI != 0 {
				t.Errorf("%s n=%d: CI %g, CR %g, want 0", p, n, res.CI, res.CR)
			}
			if math.Abs(res.LambdaMax-float64(n)) > 1e-12 {
				t.Errorf("%s n=%d: λmax %g, want n", p, n, res.LambdaMax)
			}
		}
	}
}

// TestAHPRandomReciprocal: on random reciprocal matrices of Saaty's scale
// the eigenvector satisfies Aw = λw, weights sum to 1, λmax ≥ n, and the
// approximate methods' λmax is not below the Perron root's n either.
func TestAHPRandomReciprocal(t *testing.T) {
	scale := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 1. / 2, 1. / 3, 1. / 4, 1. / 5, 1. / 6, 1. / 7, 1. / 8, 1. / 9}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		n := 3 + r.IntN(13)
		a := make([][]float64, n)
		for i := range a {
			a[i] = make([]float64, n)
			a[i][i] = 1
		}
		for i := range n {
			for j := i + 1; j < n; j++ {
				a[i][j] = scale[r.IntN(len(scale))]
				a[j][i] = 1 / a[i][j]
			}
		}
		for _, p := range AHPPriorities() {
			res, err := AHPWeights(a, p, "tummala-ling")
			if err != nil {
				t.Fatal(err)
			}
			assertSumsToOne(t, res.Weights)
			if res.LambdaMax < float64(n)-1e-12 || res.CR < 0 {
				t.Errorf("%s: λmax %g < n = %d or CR %g < 0", p, res.LambdaMax, n, res.CR)
			}
			if p == PriorityEigen {
				assertEigen(t, a, res.Weights, res.LambdaMax)
			}
		}
	}
}

// TestRandomIndex spot-checks every table against its source.
func TestRandomIndex(t *testing.T) {
	tests := []struct {
		table string
		n     int
		want  float64
	}{
		{"saaty1980", 3, 0.58}, {"saaty1980", 9, 1.45}, {"saaty1980", 10, 1.49},
		{"saaty2005", 5, 1.11}, {"saaty2005", 15, 1.59},
		{"gong-xu", 3, 0.52}, {"gong-xu", 6, 1.26}, {"gong-xu", 9, 1.46},
		{"donegan-dodd", 3, 0.4914}, {"donegan-dodd", 20, 1.5371},
		{"tummala-ling", 4, 0.8921}, {"tummala-ling", 15, 1.5831},
		{"saaty1980", 2, 0}, {"gong-xu", 1, 0},
	}
	for _, tt := range tests {
		got, err := RandomIndex(tt.table, tt.n)
		if err != nil || got != tt.want {
			t.Errorf("RandomIndex(%s, %d) = %g, %v; want %g", tt.table, tt.n, got, err, tt.want)
		}
	}
	for _, name := range RITables {
		if _, ok := riTables[name]; !ok {
			t.Errorf("RITables lists %q, which has no table", name)
		}
	}
	if len(RITables) != len(riTables) {
		t.Errorf("RITables has %d names, riTables %d tables", len(RITables), len(riTables))
	}
}

// TestAHPSmall: n ≤ 2 is always consistent.
func TestAHPSmall(t *testing.T) {
	res, err := AHPWeights([][]float64{{1, 3}, {1. / 3, 1}}, PriorityEigen, "saaty1980")
	if err != nil {
		t.Fatal(err)
	}
	assertClose(t, "weights", res.Weights, []float64{0.75, 0.25}, 1e-15)
	if res.CR != 0 || res.CI != 0 || res.LambdaMax != 2 {
		t.Errorf("λ, CI, CR = %g, %g, %g; want 2, 0, 0", res.LambdaMax, res.CI, res.CR)
	}
}

func TestAHPErrors(t *testing.T) {
	ok3 := [][]float64{{1, 2, 4}, {0.5, 1, 2}, {0.25, 0.5, 1}}
	big := make([][]float64, 16)
	for i := range big {
		big[i] = make([]float64, 16)
		for j := range big[i] {
			big[i][j] = 1
		}
	}
	tests := []struct {
		name     string
		a        [][]float64
		priority string
		ri       string
		kind     CalcErrKind
		row, col int
	}{
		{"not square", [][]float64{{1, 2}, {0.5}}, PriorityEigen, "saaty1980", CalcNotSquare, 1, -1},
		{"zero", [][]float64{{1, 0}, {0.5, 1}}, PriorityEigen, "saaty1980", CalcNotPositive, 0, 1},
		{"negative", [][]float64{{1, 2}, {-0.5, 1}}, PriorityEigen, "saaty1980", CalcNotPositive, 1, 0},
		{"diagonal", [][]float64{{1, 2}, {0.5, 2}}, PriorityEigen, "saaty1980", CalcDiagonal, 1, 1},
		{"not reciprocal", [][]float64{{1, 3, 4}, {1. / 3, 1, 2}, {0.25, 2, 1}}, PriorityEigen, "saaty1980", CalcNotReciprocal, 2, 1},
		{"empty", nil, PriorityEigen, "saaty1980", CalcNoCriteria, -1, -1},
		{"unknown priority", ok3, "lls", "saaty1980", CalcUnknownOption, -1, -1},
		{"unknown ri", ok3, PriorityEigen, "saaty", CalcUnknownOption, -1, -1},
		{"no ri", big, PriorityEigen, "saaty1980", CalcNoRI, -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := AHPWeights(tt.a, tt.priority, tt.ri)
			ce := calcErr(t, err)
			if ce.Kind != tt.kind || ce.Row != tt.row || ce.Col != tt.col {
				t.Errorf("kind %d at (%d,%d), want %d at (%d,%d): %v", ce.Kind, ce.Row, ce.Col, tt.kind, tt.row, tt.col, ce)
			}
		})
	}
}

// TestAHPReciprocalTolerance: two-decimal reciprocals (0.14 for 1/7) pass.
func TestAHPReciprocalTolerance(t *testing.T) {
	a := [][]float64{{1, 7, 8}, {0.14, 1, 2}, {0.13, 0.5, 1}}
	if _, err := AHPWeights(a, PriorityEigen, "saaty1980"); err != nil {
		t.Fatal(err)
	}
}
