package engine

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// asemNormParams reads the goalposts and dist2targ cap of every indicator
// from expected/normalise/params_iMeta_targets_goalposts.csv (the extra
// iMeta columns COINr read for the goalposts and dist2targ cases).
func asemNormParams(tb testing.TB) map[string]Node {
	tb.Helper()
	const path = "expected/normalise/params_iMeta_targets_goalposts.csv"
	recs := readCSV(tb, path)
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, h := range []string{"iCode", "dist2targ_cap_max", "goalpost_lower", "goalpost_upper", "goalpost_scale"} {
		if _, ok := col[h]; !ok {
			tb.Fatalf("%s: no column %s", path, h)
		}
	}
	out := map[string]Node{}
	for _, r := range recs[1:] {
		out[r[col["iCode"]]] = Node{
			CapMax:    parseExpected(tb, path, r[col["dist2targ_cap_max"]]),
			GoalLower: parseExpected(tb, path, r[col["goalpost_lower"]]),
			GoalUpper: parseExpected(tb, path, r[col["goalpost_upper"]]),
			GoalScale: parseExpected(tb, path, r[col["goalpost_scale"]]),
		}
	}
	return out
}

// asemTree returns the ASEM tree; withParams adds the goalposts and caps of
// asemNormParams to the indicators.
func asemTree(tb testing.TB, withParams bool) *Tree {
	tb.Helper()
	m := asemMeta(tb)
	if withParams {
		ps := asemNormParams(tb)
		for i, n := range m.Nodes {
			if n.Level != 1 {
				continue
			}
			p, ok := ps[n.Code]
			if !ok {
				tb.Fatalf("no goalposts for %s", n.Code)
			}
			m.Nodes[i].CapMax, m.Nodes[i].GoalLower, m.Nodes[i].GoalUpper, m.Nodes[i].GoalScale = p.CapMax, p.GoalLower, p.GoalUpper, p.GoalScale
		}
	}
	tr, err := NewTree(m)
	if err != nil {
		tb.Fatal(err)
	}
	return tr
}

// TestNormaliseASEM normalises COINr's Treated example data set the 16 ways
// of expected/normalise/specs.txt and compares with COINr's outputs.
func TestNormaliseASEM(t *testing.T) {
	in := readDatasetCSV(t, "expected/example/dset_Treated.csv", isIndicator(t))
	tests := []struct {
		file       string
		spec       NormSpec
		withParams bool // iMeta goalposts and dist2targ_cap_max columns
	}{
		{"minmax_0_100", NormSpec{Method: NormMinMax}, false},
		{"minmax_1_100", NormSpec{Method: NormMinMax, Params: []float64{1, 100}}, false},
		{"zscore_0_1", NormSpec{Method: NormZScore}, false},
		{"zscore_10_2", NormSpec{Method: NormZScore, Params: []float64{10, 2}}, false},
		{"zscore_100_10", NormSpec{Method: NormZScore, Params: []float64{100, 10}}, false},
		{"rank_min", NormSpec{Method: NormRank}, false},
		{"rank_average", NormSpec{Method: NormRank, Ties: TiesAverage}, false},
		{"borda_min", NormSpec{Method: NormBorda}, false},
		{"prank_min", NormSpec{Method: NormPRank}, false},
		{"fracmax", NormSpec{Method: NormFracMax}, false},
		{"dist2max", NormSpec{Method: NormDist2Max}, false},
		{"dist2ref_iref1", NormSpec{Method: NormDist2Ref, Ref: in.Units[0]}, false},
		{"scaled_0_100_x100", NormSpec{Method: NormScaled, Params: []float64{0, 100, 100}}, false},
		{"dist2targ_iMeta_capTRUE", NormSpec{Method: NormDist2Targ}, true},
		{"goalposts_iMeta_5pc", NormSpec{Method: NormGoalposts}, true},
		{"none_directions_only", NormSpec{Method: NormNone}, false},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			want := readDatasetCSV(t, "expected/normalise/Treated_norm_"+tc.file+".csv", isIndicator(t))
			got, err := Normalise(in, asemTree(t, tc.withParams), tc.spec)
			if err != nil {
				t.Fatal(err)
			}
			n := closeEnough(t, tc.file, got, want, 1e-9)
			if n != 51*49 {
				t.Errorf("compared %d values, want %d", n, 51*49)
			}
			nas, exact := 0, 0
			for c, col := range want.Vals {
				for u, w := range col {
					g := got.Vals[got.ColIndex(want.Cols[c])][got.UnitIndex(want.Units[u])]
					switch {
					case IsNA(w):
						nas++
						if IsNA(g) {
							exact++
						}
					case g == w:
						exact++
					}
				}
			}
			t.Logf("%s: compared %d values (%d NA in COINr's output), %d identical to the last bit", tc.file, n, nas, exact)
		})
	}
}

func TestNormaliseASEMKeepsInput(t *testing.T) {
	in := readDatasetCSV(t, "expected/example/dset_Treated.csv", isIndicator(t))
	before := in.Clone()
	if _, err := Normalise(in, asemTree(t, false), NormSpec{Method: NormZScore}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, in, cmpopts.EquateNaNs()); diff != "" {
		t.Errorf("Normalise modified its input (-before +after):\n%s", diff)
	}
}

// normTree builds a one-indicator tree for the small table tests.
func normTree(tb testing.TB, n Node) *Tree {
	tb.Helper()
	n.Code, n.Level, n.Weight = "x", 1, 1
	tr, err := NewTree(Meta{Nodes: []Node{n}})
	if err != nil {
		tb.Fatal(err)
	}
	return tr
}

func TestNormaliseMethods(t *testing.T) {
	nan := math.NaN()
	pos := Node{Direction: 1, Target: nan, GoalLower: nan, GoalUpper: nan, GoalScale: nan, CapMax: nan}
	neg := pos
	neg.Direction = -1
	with := func(n Node, f func(*Node)) Node { f(&n); return n }
	x := []float64{1, 3, nan, 5, 3}
	tests := []struct {
		name string
		node Node
		spec NormSpec
		x    []float64
		want []float64
	}{
		{"minmax default", pos, NormSpec{Method: NormMinMax}, x, []float64{0, 50, nan, 100, 50}},
		{"minmax 1 100", pos, NormSpec{Method: NormMinMax, Params: []float64{1, 100}}, x, []float64{1, 50.5, nan, 100, 50.5}},
		{"minmax negative direction", neg, NormSpec{Method: NormMinMax}, x, []float64{100, 50, nan, 0, 50}},
		{"minmax constant column is NaN", pos, NormSpec{Method: NormMinMax}, []float64{2, 2, nan}, []float64{nan, nan, nan}},
		{"minmax all NA", pos, NormSpec{Method: NormMinMax}, []float64{nan, nan}, []float64{nan, nan}},
		{"zscore", pos, NormSpec{Method: NormZScore}, []float64{1, 2, 3, nan}, []float64{-1, 0, 1, nan}},
		{"zscore 10 2 negative", neg, NormSpec{Method: NormZScore, Params: []float64{10, 2}}, []float64{1, 2, 3}, []float64{12, 10, 8}},
		{"zscore constant column is NaN", pos, NormSpec{Method: NormZScore}, []float64{4, 4}, []float64{nan, nan}},
		{"zscore infinite value is NaN", pos, NormSpec{Method: NormZScore}, []float64{1, math.Inf(1)}, []float64{nan, nan}},
		{"zscore single value is NA", pos, NormSpec{Method: NormZScore}, []float64{4, nan}, []float64{nan, nan}},
		{"scaled default factor 100", pos, NormSpec{Method: NormScaled, Params: []float64{0, 10}}, []float64{1, 5, nan}, []float64{10, 50, nan}},
		{"scaled factor 1", pos, NormSpec{Method: NormScaled, Params: []float64{2, 4, 1}}, []float64{3, 6}, []float64{0.5, 2}},
		{"scaled defaults", pos, NormSpec{Method: NormScaled}, []float64{30}, []float64{30}},
		{"rank from lowest", pos, NormSpec{Method: NormRank}, x, []float64{1, 2, nan, 4, 2}},
		{"rank average", pos, NormSpec{Method: NormRank, Ties: TiesAverage}, x, []float64{1, 2.5, nan, 4, 2.5}},
		{"rank negative direction", neg, NormSpec{Method: NormRank}, x, []float64{4, 2, nan, 1, 2}},
		{"borda", pos, NormSpec{Method: NormBorda}, x, []float64{0, 1, nan, 3, 1}},
		{"prank", pos, NormSpec{Method: NormPRank}, x, []float64{0, 1.0 / 3, nan, 1, 1.0 / 3}},
		{"prank average", pos, NormSpec{Method: NormPRank, Ties: TiesAverage}, x, []float64{0, 0.5, nan, 1, 0.5}},
		{"fracmax", pos, NormSpec{Method: NormFracMax}, []float64{1, 4, nan}, []float64{0.25, 1, nan}},
		{"dist2max", pos, NormSpec{Method: NormDist2Max}, x, []float64{0, 0.5, nan, 1, 0.5}},
		{"dist2ref", pos, NormSpec{Method: NormDist2Ref}, x, []float64{0, 1, nan, 2, 1}},
		{"dist2ref capped", pos, NormSpec{Method: NormDist2Ref, Cap: true}, x, []float64{0, 1, nan, 1, 1}},
		{"dist2targ uncapped", with(pos, func(n *Node) { n.Target = 4 }), NormSpec{Method: NormDist2Targ}, x, []float64{0, 2.0 / 3, nan, 4.0 / 3, 2.0 / 3}},
		{"dist2targ spec cap", with(pos, func(n *Node) { n.Target = 4 }), NormSpec{Method: NormDist2Targ, Cap: true}, x, []float64{0, 2.0 / 3, nan, 1, 2.0 / 3}},
		{"dist2targ iMeta cap", with(pos, func(n *Node) { n.Target, n.CapMax = 4, 1 }), NormSpec{Method: NormDist2Targ}, x, []float64{0, 2.0 / 3, nan, 1, 2.0 / 3}},
		{"dist2targ iMeta no cap overrides spec", with(pos, func(n *Node) { n.Target, n.CapMax = 4, 0 }), NormSpec{Method: NormDist2Targ, Cap: true}, x, []float64{0, 2.0 / 3, nan, 4.0 / 3, 2.0 / 3}},
		// Negative: y = −x, target −2, min(y) = −5: (−x + 5)/3.
		{"dist2targ negative direction", with(neg, func(n *Node) { n.Target = 2 }), NormSpec{Method: NormDist2Targ, Cap: true}, x, []float64{1, 2.0 / 3, nan, 0, 2.0 / 3}},
		{"goalposts truncated", with(pos, func(n *Node) { n.GoalLower, n.GoalUpper = 2, 4 }), NormSpec{Method: NormGoalposts}, x, []float64{0, 0.5, nan, 1, 0.5}},
		{"goalposts scaled", with(pos, func(n *Node) { n.GoalLower, n.GoalUpper, n.GoalScale = 0, 10, 100 }), NormSpec{Method: NormGoalposts}, x, []float64{10, 30, nan, 50, 30}},
		// COINr's documented example: n_goalposts(1, c(0, 10, 1), direction = -1) = 0.9.
		{"goalposts negative direction", with(neg, func(n *Node) { n.GoalLower, n.GoalUpper, n.GoalScale = 0, 10, 1 }), NormSpec{Method: NormGoalposts}, []float64{1, 12, -3}, []float64{0.9, 0, 1}},
		{"none", neg, NormSpec{Method: NormNone}, x, []float64{-1, -3, nan, -5, -3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := NewDataset([]string{"a", "b", "c", "d", "e"}[:len(tc.x)], []string{"x"})
			copy(d.Vals[0], tc.x)
			if tc.spec.Method == NormDist2Ref {
				tc.spec.Ref = "b"
			}
			got, err := Normalise(d, normTree(t, tc.node), tc.spec)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got.Vals[0], cmpopts.EquateNaNs(), cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestNormaliseErrors(t *testing.T) {
	nan := math.NaN()
	pos := Node{Direction: 1, Target: nan, GoalLower: nan, GoalUpper: nan, GoalScale: nan, CapMax: nan}
	tests := []struct {
		name string
		node Node
		col  string
		spec NormSpec
		kind ErrKind
	}{
		{"unknown method", pos, "x", NormSpec{Method: "logistic"}, ErrUnknownMethod},
		{"empty method", pos, "x", NormSpec{}, ErrUnknownMethod},
		{"unknown column", pos, "y", NormSpec{Method: NormMinMax}, ErrUnknownNode},
		{"unknown ref unit", pos, "x", NormSpec{Method: NormDist2Ref, Ref: "zz"}, ErrUnknownUnit},
		{"missing target", pos, "x", NormSpec{Method: NormDist2Targ}, ErrMissingTarget},
		{"missing goalpost", Node{Direction: 1, GoalLower: 1, GoalUpper: nan}, "x", NormSpec{Method: NormGoalposts}, ErrMissingTarget},
		{"minmax one parameter", pos, "x", NormSpec{Method: NormMinMax, Params: []float64{1}}, ErrBadParameter},
		{"minmax NA parameter", pos, "x", NormSpec{Method: NormMinMax, Params: []float64{0, nan}}, ErrBadParameter},
		{"zscore sd zero", pos, "x", NormSpec{Method: NormZScore, Params: []float64{0, 0}}, ErrBadParameter},
		{"scaled four parameters", pos, "x", NormSpec{Method: NormScaled, Params: []float64{0, 1, 2, 3}}, ErrBadParameter},
		{"rank bad ties", pos, "x", NormSpec{Method: NormRank, Ties: "first"}, ErrBadParameter},
		{"fracmax with parameters", pos, "x", NormSpec{Method: NormFracMax, Params: []float64{1}}, ErrBadParameter},
		{"direction zero", Node{}, "x", NormSpec{Method: NormMinMax}, ErrBadParameter},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := NewDataset([]string{"a", "b"}, []string{tc.col})
			d.Vals[0][0], d.Vals[0][1] = 1, 2
			got, err := Normalise(d, normTree(t, tc.node), tc.spec)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, %v; want an *Error of kind %d", got, err, tc.kind)
			}
			if e.Kind != tc.kind {
				t.Errorf("got kind %d (%v), want %d", e.Kind, e, tc.kind)
			}
			if tc.kind == ErrMissingTarget && e.Node != "x" {
				t.Errorf("error %v does not name the indicator", e)
			}
		})
	}
}

// TestNormaliseStackedPeriods checks the global (panel) case: rows of two
// periods stacked, unit codes repeated, each column normalised over all
// rows, and dist2ref taking the first row of the reference unit.
func TestNormaliseStackedPeriods(t *testing.T) {
	nan := math.NaN()
	d := NewDataset([]string{"A", "B", "A", "B"}, []string{"x"})
	copy(d.Vals[0], []float64{1, 2, 3, 5})
	tr := normTree(t, Node{Direction: 1, Target: nan, GoalLower: nan, GoalUpper: nan, GoalScale: nan, CapMax: nan})
	tests := []struct {
		spec NormSpec
		want []float64
	}{
		{NormSpec{Method: NormMinMax}, []float64{0, 25, 50, 100}},
		{NormSpec{Method: NormDist2Ref, Ref: "B"}, []float64{0, 1, 2, 4}},
		{NormSpec{Method: NormRank}, []float64{1, 2, 3, 4}},
	}
	for _, tc := range tests {
		t.Run(tc.spec.Method, func(t *testing.T) {
			got, err := Normalise(d, tr, tc.spec)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got.Vals[0]); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(d.Units, got.Units); diff != "" {
				t.Errorf("units changed (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNormaliseColumnInPlaceNoAllocs(t *testing.T) {
	in := readDatasetCSV(t, "expected/example/dset_Treated.csv", isIndicator(t))
	tr := asemTree(t, false)
	node, _ := tr.Node(in.Cols[0])
	for _, s := range []NormSpec{{Method: NormMinMax}, {Method: NormZScore}, {Method: NormRank, Ties: TiesAverage}, {Method: NormPRank}} {
		t.Run(s.Method, func(t *testing.T) {
			want, err := Normalise(in.SelectCols(in.Cols[:1]), tr, s)
			if err != nil {
				t.Fatal(err)
			}
			// In place: dst is x.
			x := append([]float64(nil), in.Vals[0]...)
			var sc Scratch
			if err := NormaliseColumn(x, x, node, s, -1, &sc); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.Vals[0], x, cmpopts.EquateNaNs()); diff != "" {
				t.Errorf("in place differs (-want +got):\n%s", diff)
			}
			dst := make([]float64, len(in.Units))
			allocs := testing.AllocsPerRun(20, func() {
				if err := NormaliseColumn(dst, in.Vals[0], node, s, -1, &sc); err != nil {
					t.Fatal(err)
				}
			})
			if allocs != 0 {
				t.Errorf("NormaliseColumn allocates %v times per call with a grown scratch", allocs)
			}
		})
	}
}

func BenchmarkNormaliseMinmax(b *testing.B) {
	in := readDatasetCSV(b, "expected/example/dset_Treated.csv", isIndicator(b))
	tr := asemTree(b, false)
	s := NormSpec{Method: NormMinMax}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Normalise(in, tr, s); err != nil {
			b.Fatal(err)
		}
	}
}
