package engine

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// flatTree is one aggregate "Agg" over indicators x1…xn with weights w.
func flatTree(tb testing.TB, w ...float64) *Tree {
	tb.Helper()
	m := Meta{Nodes: []Node{{Code: "Agg", Level: 2, Weight: 1}}}
	for i, wi := range w {
		m.Nodes = append(m.Nodes, Node{Code: "x" + string(rune('1'+i)), Level: 1, Direction: 1, Weight: wi, Parent: "Agg"})
	}
	t, err := NewTree(m)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// rowsData makes a data set with columns x1…xk from rows of values.
func rowsData(rows ...[]float64) *Dataset {
	var units, cols []string
	for u := range rows {
		units = append(units, "u"+string(rune('1'+u)))
	}
	for c := range rows[0] {
		cols = append(cols, "x"+string(rune('1'+c)))
	}
	d := NewDataset(units, cols)
	for u, r := range rows {
		for c, v := range r {
			d.Vals[c][u] = v
		}
	}
	return d
}

func TestAggregatePrimitivesCOINr(t *testing.T) {
	recs := readCSV(t, "expected/aggregate/primitives_x_10_20_40_NA_80_w_1_2_1_1_0.5.csv")
	want := map[string]float64{}
	for _, r := range recs[1:] {
		want[r[0]] = parseExpected(t, "primitives", r[1])
	}
	withNA := []float64{10, 20, 40, NA, 80}
	noNA := []float64{10, 20, 40, 80}
	wNA := []float64{1, 2, 1, 1, 0.5}
	wNo := []float64{1, 2, 1, 0.5}
	cases := []struct {
		fn   string
		spec AggSpec
		x, w []float64
	}{
		{"a_amean", AggSpec{Method: "amean"}, withNA, wNA},
		{"a_gmean", AggSpec{Method: "gmean"}, withNA, wNA},
		{"a_hmean", AggSpec{Method: "hmean"}, withNA, wNA},
		{"a_genmean_p2", AggSpec{Method: "genmean", P: 2}, withNA, wNA},
		{"a_genmean_p0.5", AggSpec{Method: "genmean", P: 0.5}, withNA, wNA},
		{"a_amean_noNA", AggSpec{Method: "amean"}, noNA, wNo},
		{"a_gmean_noNA", AggSpec{Method: "gmean"}, noNA, wNo},
		{"a_hmean_noNA", AggSpec{Method: "hmean"}, noNA, wNo},
		{"a_genmean_p2_noNA", AggSpec{Method: "genmean", P: 2}, noNA, wNo},
		{"a_genmean_pm1_noNA", AggSpec{Method: "genmean", P: -1}, noNA, wNo},
	}
	matched := 0
	for _, c := range cases {
		t.Run(c.fn, func(t *testing.T) {
			w, ok := want[c.fn]
			if !ok {
				t.Fatalf("no expected value for %s", c.fn)
			}
			got, err := Aggregate(rowsData(c.x), flatTree(t, c.w...), c.spec)
			if err != nil {
				t.Fatal(err)
			}
			g := got.Col("Agg")[0]
			if IsNA(w) != IsNA(g) || (!IsNA(w) && math.Abs(g-w) > 1e-12*math.Abs(w)) {
				t.Errorf("%s = %.17g, want %.17g", c.fn, g, w)
			}
			matched++
		})
	}
	if matched != len(want) {
		t.Errorf("checked %d of %d expected values", matched, len(want))
	}
}

func TestAggregateErrors(t *testing.T) {
	cases := []struct {
		name string
		spec AggSpec
		rows [][]float64
		kind ErrKind
		unit string
	}{
		{"gmean zero", AggSpec{Method: "gmean"}, [][]float64{{1, 2}, {0, 3}}, ErrNonPositive, "u2"},
		{"gmean negative", AggSpec{Method: "gmean"}, [][]float64{{-1, 2}, {1, 3}}, ErrNonPositive, "u1"},
		{"hmean zero", AggSpec{Method: "hmean"}, [][]float64{{1, 2}, {3, 0}}, ErrNonPositive, "u2"},
		{"genmean negative p", AggSpec{Method: "genmean", P: -2}, [][]float64{{1, 0}}, ErrNonPositive, "u1"},
		{"genmean p 0", AggSpec{Method: "genmean"}, [][]float64{{1, 2}}, ErrBadParameter, ""},
		{"unknown", AggSpec{Method: "median"}, [][]float64{{1, 2}}, ErrUnknownMethod, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Aggregate(rowsData(c.rows...), flatTree(t, 1, 1), c.spec)
			var e *Error
			if !errors.As(err, &e) || e.Kind != c.kind {
				t.Fatalf("err = %v, want kind %d", err, c.kind)
			}
			if e.Unit != c.unit || (c.unit != "" && e.Node != "Agg") {
				t.Errorf("error at %s/%s, want %s/Agg", e.Unit, e.Node, c.unit)
			}
		})
	}
	// hmean accepts negative values (COINr only rejects zeros).
	if _, err := Aggregate(rowsData([]float64{-1, 2}), flatTree(t, 1, 1), AggSpec{Method: "hmean"}); err != nil {
		t.Errorf("hmean with a negative value: %v", err)
	}
	if _, err := Aggregate(rowsData([]float64{1, 2}), flatTree(t, 1, 1, 1), AggSpec{Method: "amean"}); err == nil {
		t.Error("missing indicator column accepted")
	}
}

func TestAggregateMissing(t *testing.T) {
	d := rowsData([]float64{NA, NA, NA}, []float64{NA, 4, NA}, []float64{2, 4, 8})
	for _, m := range []string{"amean", "gmean", "hmean", "genmean"} {
		t.Run(m, func(t *testing.T) {
			got, err := Aggregate(d, flatTree(t, 1, 1, 1), AggSpec{Method: m, P: 3})
			if err != nil {
				t.Fatal(err)
			}
			a := got.Col("Agg")
			if !IsNA(a[0]) {
				t.Errorf("all-NA unit = %g, want NA", a[0])
			}
			// a single present value is its own mean, except genmean (NA).
			if want := 4.0; m == "genmean" && !IsNA(a[1]) || m != "genmean" && math.Abs(a[1]-want) > 1e-12 {
				t.Errorf("unit with one value = %g", a[1])
			}
		})
	}
}

func TestCopeland(t *testing.T) {
	cases := []struct {
		name string
		rows [][]float64
		want []float64
	}{
		// COINr's test-aggregate.R example, worked by hand.
		{"coinr example", [][]float64{{1, 3, 2}, {2, 2, 3}, {3, 1, 1}, {4, 5, 4}}, []float64{-1, 1, -3, 3}},
		{"split pair", [][]float64{{1, 2, 5}, {2, 1, 5}}, []float64{0, 0}},
		// COINr's NA quirk: NA comparisons go to the later unit.
		{"NA first", [][]float64{{NA, NA, NA}, {1, 1, 1}}, []float64{-1, 1}},
		{"NA last", [][]float64{{1, 1, 1}, {NA, NA, NA}}, []float64{-1, 1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Aggregate(rowsData(c.rows...), flatTree(t, 1, 1, 1), AggSpec{Method: "copeland"})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, got.Col("Agg")); diff != "" {
				t.Errorf("scores (-want +got):\n%s", diff)
			}
		})
	}
	// Weights: x1 alone outweighs the other two.
	got, err := Aggregate(rowsData([]float64{2, 1, 1}, []float64{1, 2, 2}), flatTree(t, 3, 1, 1), AggSpec{Method: "copeland"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]float64{1, -1}, got.Col("Agg")); diff != "" {
		t.Errorf("weighted scores (-want +got):\n%s", diff)
	}
}

// TestAggregatorWeights checks that overriding the weights equals building
// the tree with those weights, and that Apply can reuse its output.
func TestAggregatorWeights(t *testing.T) {
	m := asemMeta(t)
	tree, err := NewTree(m)
	if err != nil {
		t.Fatal(err)
	}
	d := readDatasetCSV(t, "expected/example/dset_Normalised.csv", isIndicator(t))
	w := make([]float64, len(m.Nodes))
	m2 := Meta{Nodes: append([]Node(nil), m.Nodes...)} // NewTree keeps the slice
	for i := range m2.Nodes {
		w[i] = 0.5 + float64(i%7)/4
		m2.Nodes[i].Weight = w[i]
	}
	tree2, err := NewTree(m2)
	if err != nil {
		t.Fatal(err)
	}
	for _, method := range []string{"amean", "gmean", "genmean"} {
		t.Run(method, func(t *testing.T) {
			spec := AggSpec{Method: method, P: 2}
			dd := d
			if method == "gmean" { // minmax data has zeros
				dd = d.Clone()
				for _, col := range dd.Vals {
					for u := range col {
						col[u]++
					}
				}
			}
			want, err := Aggregate(dd, tree2, spec)
			if err != nil {
				t.Fatal(err)
			}
			a, err := NewAggregator(tree, dd.Cols, spec)
			if err != nil {
				t.Fatal(err)
			}
			dst := NewDataset(dd.Units, a.Cols())
			copy(dst.Vals, dd.Vals) // share the input columns
			for range 2 {
				if err := a.Apply(dst, dd, w); err != nil {
					t.Fatal(err)
				}
				if n := closeEnough(t, method, dst, want, 0); n != len(want.Units)*len(want.Cols) {
					t.Errorf("compared %d values", n)
				}
			}
			nominal, err := Aggregate(dd, tree, spec)
			if err != nil {
				t.Fatal(err)
			}
			if nominal.Col("Index")[0] == dst.Col("Index")[0] {
				t.Error("overridden weights did not change the index")
			}
		})
	}
}

// TestAggregateExampleBits aggregates COINr's normalised example data and
// expects COINr's aggregates to the last bit: the compensated sums stand in
// for R's long double accumulation (plain sums differ in about a third of
// the values by an ulp or so).
func TestAggregateExampleBits(t *testing.T) {
	tree, err := NewTree(asemMeta(t))
	if err != nil {
		t.Fatal(err)
	}
	norm := readDatasetCSV(t, "expected/example/dset_Normalised.csv", isIndicator(t))
	got, err := Aggregate(norm, tree, AggSpec{Method: "amean"})
	if err != nil {
		t.Fatal(err)
	}
	want := readDatasetCSV(t, "expected/example/dset_Aggregated.csv", nil)
	if n := closeEnough(t, "Aggregated", got, want, 0); n != 51*60 {
		t.Errorf("compared %d values, want %d", n, 51*60)
	}
}
