package engine

import (
	"context"
	"math"
	"testing"
)

// ishigami is the Ishigami function with a = 7, b = 0.1 on [−π, π]³, whose
// Sobol indices are known analytically.
func ishigami(x []float64) float64 {
	return math.Sin(x[0]) + 7*math.Pow(math.Sin(x[1]), 2) + 0.1*math.Pow(x[2], 4)*math.Sin(x[0])
}

// TestSobolIshigami runs the Saltelli design and Jansen's estimators on the
// Ishigami function. With N = 20,000 base rows the standard errors of the
// estimates are about 0.005–0.01, so 0.03 is a tolerance of 3 to 6 of them.
func TestSobolIshigami(t *testing.T) {
	const n, d = 20000, 3
	want := []SobolIndex{
		{Si: 0.3139, STi: 0.5576},
		{Si: 0.4424, STi: 0.4424},
		{Si: 0, STi: 0.2437},
	}
	y := make([]float64, n*(d+2))
	x, a, b := make([]uint64, d), make([]uint64, d), make([]uint64, d)
	xf := make([]float64, d)
	for k := range y {
		saltelliPoint(42, k, n, x, a, b)
		for i, r := range x {
			xf[i] = -math.Pi + 2*math.Pi*unitFloat(r)
		}
		y[k] = ishigami(xf)
	}
	yAB := [][]float64{y[2*n : 3*n], y[3*n : 4*n], y[4*n : 5*n]}
	got, v, dropped := SobolIndices(y[:n], y[n:2*n], yAB, 200, 42)
	// V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2 = 13.845
	if math.Abs(v-13.845) > 0.4 || dropped != 0 {
		t.Errorf("variance %v (want 13.845), dropped %d", v, dropped)
	}
	for i := range want {
		if math.Abs(got[i].Si-want[i].Si) > 0.03 || math.Abs(got[i].STi-want[i].STi) > 0.03 {
			t.Errorf("x%d: Si %.4f STi %.4f, want %.4f %.4f", i+1, got[i].Si, got[i].STi, want[i].Si, want[i].STi)
		}
		// The bootstrap interval must hold the estimate and be narrow.
		if !(got[i].SiQ5 <= got[i].Si && got[i].Si <= got[i].SiQ95 && got[i].STiQ5 <= got[i].STi && got[i].STi <= got[i].STiQ95) ||
			got[i].SiQ95-got[i].SiQ5 > 0.1 || got[i].STiQ95-got[i].STiQ5 > 0.1 {
			t.Errorf("x%d: intervals Si [%.4f, %.4f], STi [%.4f, %.4f]", i+1, got[i].SiQ5, got[i].SiQ95, got[i].STiQ5, got[i].STiQ95)
		}
		t.Logf("Ishigami x%d: Si %.4f [%.4f, %.4f] (exact %.4f), STi %.4f [%.4f, %.4f] (exact %.4f)", i+1,
			got[i].Si, got[i].SiQ5, got[i].SiQ95, want[i].Si, got[i].STi, got[i].STiQ5, got[i].STiQ95, want[i].STi)
	}
}

// TestSobolIndicesDropsMissing: a base row with a missing output is left
// out of every estimate; without a bootstrap the intervals are NA.
func TestSobolIndicesDropsMissing(t *testing.T) {
	// y = x1 + x2 on four rows; row 2 has a failed run.
	yA := []float64{1, 2, 3, 4}
	yB := []float64{2, 1, 4, 3}
	yAB := [][]float64{{2, NA, 4, 3}, {1, 2, 3, 4}}
	full, _, _ := SobolIndices([]float64{1, 3, 4}, []float64{2, 4, 3}, [][]float64{{2, 4, 3}, {1, 3, 4}}, 0, 1)
	got, _, dropped := SobolIndices(yA, yB, yAB, 0, 1)
	if dropped != 1 {
		t.Errorf("dropped %d rows, want 1", dropped)
	}
	for i := range got {
		if got[i].Si != full[i].Si || got[i].STi != full[i].STi || !IsNA(got[i].SiQ5) || !IsNA(got[i].STiQ95) {
			t.Errorf("index %d: %+v, want %+v without intervals", i, got[i], full[i])
		}
	}
	// Input 1 of the rows kept: A_B^1 = B, so STi = Σ(yA−yB)²/(2·3·V).
	v := SD([]float64{1, 3, 4, 2, 4, 3})
	v *= v
	if w := (1.0 + 1 + 1) / (6 * v); math.Abs(got[0].STi-w) > 1e-15 || got[0].Si != 1 {
		t.Errorf("input 1: STi %v (want %v), Si %v (want 1)", got[0].STi, w, got[0].Si)
	}
}

// TestSobolExample runs the sensitivity analysis of COINr's example: four
// uncertain inputs, N·(d+2) runs, rank statistics from A and B.
func TestSobolExample(t *testing.T) {
	r := exampleRobustness(t)
	const n = 200
	o := RunOptions{N: n, Seed: 11}
	res, err := r.Sobol(context.Background(), o, 50)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Y) != n*6 || res.Stats.Runs != 2*n || res.Dropped != 0 || res.Stats.Failed != 0 {
		t.Fatalf("%d runs, %d in the statistics, dropped %d, failed %d", len(res.Y), res.Stats.Runs, res.Dropped, res.Stats.Failed)
	}
	names := []string{"winmax", "normalise", "weights", "aggregate"}
	sumSi := 0.0
	for i, ix := range res.Indices {
		if ix.Variable != names[i] || !(ix.STi >= 0) || !(ix.STiQ5 <= ix.STiQ95) {
			t.Errorf("index %d: %+v", i, ix)
		}
		sumSi += ix.Si
		t.Logf("%-9s Si %.3f [%.3f, %.3f]  STi %.3f [%.3f, %.3f]", ix.Variable, ix.Si, ix.SiQ5, ix.SiQ95, ix.STi, ix.STiQ5, ix.STiQ95)
	}
	// The outputs are mean absolute rank shifts: positive, below the number
	// of units, and the first-order indices cannot sum far above 1.
	for k, y := range res.Y {
		if !(y > 0 && y < 51) {
			t.Fatalf("run %d: mean absolute rank shift %v", k, y)
		}
	}
	if sumSi > 1.2 {
		t.Errorf("first-order indices sum to %v", sumSi)
	}
	// The same seed gives the same design whatever the workers.
	o.Workers = 1
	again, err := r.Sobol(context.Background(), o, 50)
	if err != nil {
		t.Fatal(err)
	}
	for k := range res.Y {
		if res.Y[k] != again.Y[k] {
			t.Fatalf("run %d: %v with 1 worker, %v with several", k, again.Y[k], res.Y[k])
		}
	}
	one := Uncertainty{WinMax: []int{1, 2}}
	r1, err := NewRobustness(asemInputs(t, "ASEM_iData.csv")[0], exampleSpec(), one, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r1.Sobol(context.Background(), o, 0); err == nil {
		t.Error("a sensitivity analysis with one input was accepted")
	}
}
