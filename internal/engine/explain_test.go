package engine

import (
	"math"
	"testing"
)

// smallTree is indicators A (weight wa) and B (weight wb) under T.
func smallTree(t testing.TB, wa, wb float64) *Tree {
	t.Helper()
	tr, err := NewTree(Meta{Nodes: []Node{
		{Code: "A", Level: 1, Direction: 1, Weight: wa, Parent: "T"},
		{Code: "B", Level: 1, Direction: 1, Weight: wb, Parent: "T"},
		{Code: "T", Level: 2, Weight: 1},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func smallData(units []string, a, b []float64) *Data {
	d := NewDataset(units, []string{"A", "B"})
	copy(d.Vals[0], a)
	copy(d.Vals[1], b)
	return &Data{Raw: d}
}

func near9(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// TestExplainHandExample checks the Shapley split against a hand
// computation. Min-max 0–100, weights 1:3 (effective 0.25, 0.75).
//
//	A: year 0 (0, 10, 20), year 1 (0, 15, 30); y scores 50 both years.
//	   z(x1,O0) = 75, z(x0,O1) = 33⅓: own = ½(25 + 16⅔) = 125/6,
//	   others = −125/6; × 0.25 → ±125/24, total 0.
//	B: year 0 (0, 50, 100), year 1 (0, 60, 100): own = 10, others 0; × 0.75 → 7.5.
//	Score 50 → 57.5.
func TestExplainHandExample(t *testing.T) {
	tr := smallTree(t, 1, 3)
	m, err := NewPipelineModel(tr, Spec{Normalise: &NormSpec{Method: "minmax", Params: []float64{0, 100}}, Aggregate: &AggSpec{Method: "amean"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	units := []string{"x", "y", "z"}
	d0 := smallData(units, []float64{0, 10, 20}, []float64{0, 50, 100})
	d1 := smallData(units, []float64{0, 15, 30}, []float64{0, 60, 100})
	e, err := Explain(m, d0, m, d1, "y")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][3]float64{"A": {125.0 / 24, -125.0 / 24, 0}, "B": {7.5, 0, 7.5}}
	for _, c := range e.Indicators {
		w := want[c.Indicator]
		if !near9(c.Own, w[0]) || !near9(c.Others, w[1]) || !near9(c.Total, w[2]) {
			t.Errorf("%s: own %v others %v total %v, want %v", c.Indicator, c.Own, c.Others, c.Total, w)
		}
	}
	if !near9(e.Prev.Score, 50) || !near9(e.Cur.Score, 57.5) || !near9(e.Change, 7.5) || !near9(e.Sum(), 7.5) {
		t.Errorf("scores %v → %v, change %v, sum %v", e.Prev.Score, e.Cur.Score, e.Change, e.Sum())
	}
	if !e.DataChanged || e.MethodChanged {
		t.Errorf("flags %v %v", e.DataChanged, e.MethodChanged)
	}
}

// TestExplainGeometricHand: gmean of A and B with equal weights, no
// normalisation: (4, 9) → 6, (16, 9) → 12. The logarithmic-mean split gives
// all of the change, 6, to A.
func TestExplainGeometricHand(t *testing.T) {
	tr := smallTree(t, 1, 1)
	m, err := NewPipelineModel(tr, Spec{Aggregate: &AggSpec{Method: "gmean"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	units := []string{"u", "v"}
	d0 := smallData(units, []float64{4, 1}, []float64{9, 1})
	d1 := smallData(units, []float64{16, 1}, []float64{9, 1})
	e, err := Explain(m, d0, m, d1, "u")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, c := range e.Indicators {
		got[c.Indicator] = c.Total
	}
	if !near9(got["A"], 6) || !near9(got["B"], 0) || !near9(e.Change, 6) {
		t.Errorf("contributions %v, change %v", got, e.Change)
	}
}

// explainExact checks that the parts add up to the change for every unit.
func explainExact(t *testing.T, m0 Model, d0 *Data, m1 Model, d1 *Data, units []string) []*Explanation {
	t.Helper()
	var out []*Explanation
	for _, u := range units {
		e, err := Explain(m0, d0, m1, d1, u)
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		if math.Abs(e.Sum()-e.Change) > 1e-9*math.Max(1, math.Abs(e.Change)) {
			t.Errorf("%s: parts sum to %v, change %v", u, e.Sum(), e.Change)
		}
		for _, c := range e.Indicators {
			parts := c.Own + c.Others + c.Method + c.Weight + c.Availability
			if math.Abs(parts-c.Total) > 1e-9 {
				t.Errorf("%s %s: parts %v, total %v", u, c.Indicator, parts, c.Total)
			}
		}
		out = append(out, e)
	}
	return out
}

// TestExplainPanelExact explains 2021 → 2022 of the ASEM panel for every
// unit, under the example pipeline and under variants with geometric,
// harmonic and generalised means, and checks exactness and that the
// scores and rank changes are EvaluatePanel's.
func TestExplainPanelExact(t *testing.T) {
	ins := asemInputs(t, "ASEM_iData_p.csv")
	in0, in1 := ins[3], ins[4]
	for _, tc := range []struct {
		name string
		spec Spec
	}{
		{"example", exampleSpec()},
		{"gmean", Spec{Normalise: &NormSpec{Method: "minmax", Params: []float64{1, 100}}, Aggregate: &AggSpec{Method: "gmean"}}},
		{"hmean", Spec{Impute: &ImputeSpec{Method: "median"}, Normalise: &NormSpec{Method: "minmax", Params: []float64{1, 100}}, Aggregate: &AggSpec{Method: "hmean"}}},
		{"genmean", Spec{Impute: &ImputeSpec{Method: "mean"}, Normalise: &NormSpec{Method: "minmax", Params: []float64{1, 100}}, Aggregate: &AggSpec{Method: "genmean", P: 2}}},
		{"zscore-na", Spec{Treat: &TreatSpec{WinMax: 5}, Normalise: &NormSpec{Method: "zscore", Params: []float64{10, 2}}, Aggregate: &AggSpec{Method: "amean"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := NewPipelineModel(in0.Tree, tc.spec, "EurAsia_group")
			if err != nil {
				t.Fatal(err)
			}
			d0, d1 := PipelineData(in0), PipelineData(in1)
			es := explainExact(t, m, d0, m, d1, in1.Raw.Units)
			rs, err := EvaluatePanel([]Input{in0, in1}, tc.spec, false)
			if err != nil {
				t.Fatal(err)
			}
			top := rs[1].Ranks.Cols[len(rs[1].Ranks.Cols)-1]
			for k, e := range es {
				u := rs[1].Final().UnitIndex(e.Unit)
				if e.Cur.Score != rs[1].Final().Col(top)[u] || e.Prev.Rank-e.Cur.Rank != rs[1].RankChange.Col(top)[u] {
					t.Errorf("%s: score %v rank change %v, panel %v %v", e.Unit, e.Cur.Score, e.Prev.Rank-e.Cur.Rank,
						rs[1].Final().Col(top)[u], rs[1].RankChange.Col(top)[u])
				}
				if k == 0 && e.DataChanged && len(e.Indicators) != 49 {
					t.Errorf("%d indicators", len(e.Indicators))
				}
			}
		})
	}
}

// TestExplainTwoMethods compares two specs on one data set (only the
// method changes), and two weightings (only the weights change).
func TestExplainTwoMethods(t *testing.T) {
	in := asemInputs(t, "ASEM_iData.csv")[0]
	d := PipelineData(in)
	a, err := NewPipelineModel(in.Tree, exampleSpec(), "")
	if err != nil {
		t.Fatal(err)
	}
	zs := exampleSpec()
	zs.Normalise = &NormSpec{Method: "zscore", Params: []float64{10, 2}}
	b, err := NewPipelineModel(in.Tree, zs, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range explainExact(t, a, d, b, d, in.Raw.Units[:10]) {
		if e.DataChanged || !e.MethodChanged {
			t.Fatalf("flags %v %v", e.DataChanged, e.MethodChanged)
		}
		for _, c := range e.Indicators {
			if c.Own != 0 || c.Others != 0 {
				t.Errorf("%s %s: own %v others %v with the same data", e.Unit, c.Indicator, c.Own, c.Others)
			}
		}
	}
	// Reweighted: the pillar Physical counts double.
	meta := asemMeta(t)
	for i := range meta.Nodes {
		if meta.Nodes[i].Code == "Physical" {
			meta.Nodes[i].Weight = 2
		}
	}
	t2, err := NewTree(meta)
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewPipelineModel(t2, exampleSpec(), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range explainExact(t, a, d, c, d, in.Raw.Units[:10]) {
		var w float64
		for _, ct := range e.Indicators {
			w += ct.Weight
			if ct.Method != 0 || ct.Own != 0 {
				t.Errorf("%s %s: method %v own %v when only weights change", e.Unit, ct.Indicator, ct.Method, ct.Own)
			}
		}
		if !near9(w, e.Change) || math.Abs(e.Weights) > 1e-9 {
			t.Errorf("%s: indicator weight parts %v, lump %v, change %v", e.Unit, w, e.Weights, e.Change)
		}
	}
}

// TestExplainPairs checks the overtaking lists against the ranks and that
// each pair's drivers add up to the change of the gap.
func TestExplainPairs(t *testing.T) {
	ins := asemInputs(t, "ASEM_iData_p.csv")
	m, err := NewPipelineModel(ins[0].Tree, exampleSpec(), "")
	if err != nil {
		t.Fatal(err)
	}
	d0, d1 := PipelineData(ins[0]), PipelineData(ins[1])
	seen := 0
	for _, u := range ins[1].Raw.Units {
		e, err := Explain(m, d0, m, d1, u)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range append(append([]Pair{}, e.Overtook...), e.OvertakenBy...) {
			seen++
			was, now := p.Prev.Rank < e.Prev.Rank, p.Cur.Rank < e.Cur.Rank
			if was == now {
				t.Errorf("%s vs %s: ranks %v→%v against %v→%v", u, p.Unit, e.Prev.Rank, e.Cur.Rank, p.Prev.Rank, p.Cur.Rank)
			}
			s := p.Weights + p.Residue
			for _, dr := range p.Drivers {
				s += dr.Gap
			}
			if math.Abs(s-(p.GapCur-p.GapPrev)) > 1e-9 {
				t.Errorf("%s vs %s: drivers sum %v, gap change %v", u, p.Unit, s, p.GapCur-p.GapPrev)
			}
		}
	}
	if seen == 0 {
		t.Error("no unit overtook another")
	}
}

func TestExplainErrors(t *testing.T) {
	tr := smallTree(t, 1, 1)
	m, err := NewPipelineModel(tr, Spec{Aggregate: &AggSpec{Method: "amean"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	d0 := smallData([]string{"u", "v"}, []float64{1, 2}, []float64{1, 2})
	d1 := smallData([]string{"v", "w"}, []float64{1, 2}, []float64{1, 2})
	if _, err := Explain(m, d0, m, d1, "u"); err == nil {
		t.Error("a unit absent from the second run was explained")
	}
	if _, err := NewPipelineModel(tr, Spec{}, ""); err == nil {
		t.Error("a model without aggregation was accepted")
	}
}

func TestStrengths(t *testing.T) {
	tr := smallTree(t, 1, 3)
	m, err := NewPipelineModel(tr, Spec{Normalise: &NormSpec{Method: "minmax", Params: []float64{0, 100}}, Aggregate: &AggSpec{Method: "amean"}}, "g")
	if err != nil {
		t.Fatal(err)
	}
	d := smallData([]string{"p", "q", "r", "s"}, []float64{0, 10, 20, 40}, []float64{100, 0, 50, 0})
	d.Labels = map[string][]string{"g": {"a", "a", "a", "b"}}
	s, err := m.Score(d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Strengths(s, "q")
	if err != nil {
		t.Fatal(err)
	}
	// Peers p, q, r. A: (0, 25, 50), mean 25, q 25 → gap 0, rank 2.
	// B: (100, 0, 50), mean 50, q 0 → gap −50, rank 3.
	want := []Strength{
		{Indicator: "A", Score: 25, PeerMean: 25, Gap: 0, PeerRank: 2, Peers: 3, Weight: 0.25, Impact: 0},
		{Indicator: "B", Score: 0, PeerMean: 50, Gap: -50, PeerRank: 3, Peers: 3, Weight: 0.75, Impact: -37.5},
	}
	if len(got) != 2 {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Indicator != w.Indicator || !near9(g.Score, w.Score) || !near9(g.PeerMean, w.PeerMean) || !near9(g.Gap, w.Gap) ||
			g.PeerRank != w.PeerRank || g.Peers != w.Peers || !near9(g.Weight, w.Weight) || !near9(g.Impact, w.Impact) {
			t.Errorf("%d: got %+v, want %+v", i, g, w)
		}
	}
}
