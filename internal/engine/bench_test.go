package engine

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// BenchmarkExamplePipeline is COINr's example (51 units × 49 indicators):
// every step, every stage kept, ranks of every column.
func BenchmarkExamplePipeline(b *testing.B) {
	in := asemInputs(b, "ASEM_iData.csv")[0]
	s := exampleSpec()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate(in, s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNationalPipeline is a national-scale run: 2,844 counties × 60
// indicators under 12 pillars, 3 sub-indices and an index, with NAs.
func BenchmarkNationalPipeline(b *testing.B) {
	in := nationalInput(b, 2844, 60)
	s := Spec{
		Impute:    &ImputeSpec{Method: "mean"},
		Treat:     &TreatSpec{WinMax: 5},
		Normalise: &NormSpec{Method: "minmax", Params: []float64{0, 100}},
		Aggregate: &AggSpec{Method: "amean"},
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate(in, s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNationalAggregate is one weighted aggregation of the national
// data through a prepared Aggregator, as the robustness analysis repeats it.
func BenchmarkNationalAggregate(b *testing.B) {
	in := nationalInput(b, 2844, 60)
	a, err := NewAggregator(in.Tree, in.Raw.Cols, AggSpec{Method: "amean"})
	if err != nil {
		b.Fatal(err)
	}
	dst := NewDataset(in.Raw.Units, a.Cols())
	copy(dst.Vals, in.Raw.Vals)
	w := make([]float64, len(in.Tree.Nodes))
	for i := range w {
		w[i] = 1
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := a.Apply(dst, in.Raw, w); err != nil {
			b.Fatal(err)
		}
	}
}

// nationalInput generates a seeded data set of n units and k indicators
// (k a multiple of 20): pillars of 5 indicators, sub-indices of 4 pillars,
// one index. Indicators are normal, log-normal (skewed, so that treatment
// works) or counts with zeros; about 2% of values are missing.
func nationalInput(tb testing.TB, n, k int) Input {
	tb.Helper()
	rng := rand.New(rand.NewPCG(2844, 60))
	m := Meta{Nodes: []Node{{Code: "Index", Level: 4, Weight: 1}}}
	for s := 0; s < k/20; s++ {
		m.Nodes = append(m.Nodes, Node{Code: fmt.Sprintf("S%d", s), Level: 3, Weight: 1, Parent: "Index"})
	}
	for p := 0; p < k/5; p++ {
		m.Nodes = append(m.Nodes, Node{Code: fmt.Sprintf("P%02d", p), Level: 2, Weight: 1 + float64(p%3), Parent: fmt.Sprintf("S%d", p/4)})
	}
	units := make([]string, n)
	for u := range units {
		units[u] = fmt.Sprintf("%06d", 110000+u)
	}
	var cols []string
	for i := 0; i < k; i++ {
		dir := 1.0
		if i%7 == 3 {
			dir = -1
		}
		code := fmt.Sprintf("I%02d", i)
		cols = append(cols, code)
		m.Nodes = append(m.Nodes, Node{Code: code, Level: 1, Direction: dir, Weight: 1, Parent: fmt.Sprintf("P%02d", i/5),
			Target: NA, GoalLower: NA, GoalUpper: NA, GoalScale: NA, CapMax: NA})
	}
	tree, err := NewTree(m)
	if err != nil {
		tb.Fatal(err)
	}
	raw := NewDataset(units, cols)
	for c, x := range raw.Vals {
		for u := range x {
			switch c % 3 {
			case 0:
				x[u] = 50 + 10*rng.NormFloat64()
			case 1:
				x[u] = math.Exp(1 + 1.2*rng.NormFloat64())
			default:
				x[u] = math.Floor(rng.ExpFloat64() * 3)
			}
			if rng.Float64() < 0.02 {
				x[u] = NA
			}
		}
	}
	return Input{Tree: tree, Raw: raw, Period: "2024"}
}
