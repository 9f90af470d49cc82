package engine

import (
	"math"
	"testing"
)

// TestWhatIfHand: A = (10, 20, 30), B = (30, 10, 20), min-max, equal
// weights: scores p 50, q 25, r 75. For q to reach 2nd, its A must reach
// 30 (score 50, tied with p): +10. For 1st it must pass r, whose A score
// falls as q becomes the new maximum: 2000/(x − 10) ≤ 50, x ≥ 50: +30.
func TestWhatIfHand(t *testing.T) {
	tr := smallTree(t, 1, 1)
	m, err := NewPipelineModel(tr, Spec{Normalise: &NormSpec{Method: "minmax", Params: []float64{0, 100}}, Aggregate: &AggSpec{Method: "amean"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	d := smallData([]string{"p", "q", "r"}, []float64{10, 20, 30}, []float64{30, 10, 20})
	for _, tc := range []struct {
		k     int
		delta float64
	}{{2, 10}, {1, 30}} {
		res, err := WhatIf(m, d, WhatIfQuery{Unit: "q", Column: "A", TopK: tc.k})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Reachable || res.Already || math.Abs(res.Delta-tc.delta) > 1e-9 || res.Rounded != tc.delta || res.Rank != 3 || res.NewRank > float64(tc.k) {
			t.Errorf("top %d: %+v, want delta %v", tc.k, res, tc.delta)
		}
		if !near9(res.To, 20+tc.delta) {
			t.Errorf("top %d: to %v", tc.k, res.To)
		}
	}
	res, err := WhatIf(m, d, WhatIfQuery{Unit: "q", Column: "A", TopK: 1, Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	if res.Reachable {
		t.Errorf("top 1 within +20 reported reachable: %+v", res)
	}
	res, err = WhatIf(m, d, WhatIfQuery{Unit: "r", Column: "B", TopK: 1})
	if err != nil || !res.Already || res.Delta != 0 {
		t.Errorf("r is first already: %+v, %v", res, err)
	}
	// B alone can give q at most 50 points of its 25 → 75 (tie with r)…
	// r's B score falls when q becomes the maximum, so top 1 is reachable.
	res, err = WhatIf(m, d, WhatIfQuery{Unit: "q", Column: "B", TopK: 1})
	if err != nil || !res.Reachable {
		t.Errorf("q by B: %+v, %v", res, err)
	}
	sc, rk, _, err := RankIf(m, d, "q", "A", 50)
	if err != nil || sc != 50 || rk != 1 {
		t.Errorf("RankIf A=50: score %v rank %v, %v", sc, rk, err)
	}
}

// TestWhatIfASEM checks every answer on the example by the edges: the
// found change lifts the unit into the top k, and a change a little smaller
// does not.
func TestWhatIfASEM(t *testing.T) {
	in, d, m, s := asemGroupModel(t)
	// The units ranked 11th and 12th, aiming at the top 10 by each of
	// their first six indicators and of the negative ones, a uniform change, and the top 3 of their group.
	var qs []WhatIfQuery
	for u, r := range s.Rank {
		if r == 11 || r == 12 {
			for k, c := range in.Tree.IndicatorCodes() {
				if k < 6 || m.Direction(c) < 0 {
					qs = append(qs, WhatIfQuery{Unit: s.Units[u], Column: c, TopK: 10})
				}
			}
			qs = append(qs, WhatIfQuery{Unit: s.Units[u], TopK: 10}, WhatIfQuery{Unit: s.Units[u], TopK: 3, InGroup: true})
		}
	}
	checked, negative := 0, 0
	for _, q := range qs {
		res, err := WhatIf(m, d, q)
		if err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
		if res.Already || !res.Reachable {
			continue
		}
		checked++
		rankAt := func(delta float64) float64 {
			w := &whatIf{m: m, base: d, q: q, u: d.Raw.UnitIndex(q.Unit), work: &Data{Raw: d.Raw.Clone(), Labels: d.Labels}}
			if err := w.setup(); err != nil {
				t.Fatal(err)
			}
			p, err := w.evalGap(delta * w.sign)
			if err != nil {
				t.Fatal(err)
			}
			return p.rank
		}
		if r := rankAt(res.Delta); r > float64(q.TopK) {
			t.Errorf("%+v: at %v rank %v", q, res.Delta, r)
		}
		if r := rankAt(res.Delta * (1 - 1e-6)); r <= float64(q.TopK) {
			t.Errorf("%+v: a smaller change %v already gives rank %v", q, res.Delta*(1-1e-6), r)
		}
		if q.Column != "" && math.Signbit(res.Delta) != (m.Direction(q.Column) < 0) {
			t.Errorf("%+v: direction %v but the change is %v", q, m.Direction(q.Column), res.Delta)
		}
		if res.Delta < 0 {
			negative++
		}
	}
	if checked < 5 || negative == 0 {
		t.Errorf("only %d queries needed a change, %d of them a fall", checked, negative)
	}
}

func TestWhatIfErrors(t *testing.T) {
	tr := smallTree(t, 1, 1)
	m, err := NewPipelineModel(tr, Spec{Aggregate: &AggSpec{Method: "amean"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	d := smallData([]string{"p", "q"}, []float64{1, 2}, []float64{1, 2})
	for _, q := range []WhatIfQuery{
		{Unit: "zz", Column: "A", TopK: 1},
		{Unit: "p", Column: "C", TopK: 1},
		{Unit: "p", Column: "A", TopK: 0},
		{Unit: "p", Column: "A", TopK: 1, InGroup: true},
	} {
		if _, err := WhatIf(m, d, q); err == nil {
			t.Errorf("%+v: no error", q)
		}
	}
}

func TestRoundAway(t *testing.T) {
	for _, tc := range [][2]float64{{10, 10}, {12.31, 12.4}, {0.0012301, 0.00124}, {999.1, 1000}} {
		if got := roundAway(tc[0], 3); got != tc[1] {
			t.Errorf("roundAway(%v) = %v, want %v", tc[0], got, tc[1])
		}
	}
}

// TestPipelineModelIncremental checks that re-running only the changed
// columns (with screening and denominators) gives exactly a full run.
func TestPipelineModelIncremental(t *testing.T) {
	in := asemInputs(t, "ASEM_iData.csv")[0]
	d := PipelineData(in)
	warm, err := NewPipelineModel(in.Tree, exampleSpec(), "EurAsia_group")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := warm.Score(d); err != nil {
		t.Fatal(err)
	}
	for _, col := range []string{"LPI", "Goods", "GDP"} { // GDP is a denominator
		alt := &Data{Raw: d.Raw.Clone(), Labels: d.Labels}
		x := alt.Raw.Col(col)
		x[3] *= 1.7
		got, err := warm.Score(alt)
		if err != nil {
			t.Fatal(err)
		}
		cold, err := NewPipelineModel(in.Tree, exampleSpec(), "EurAsia_group")
		if err != nil {
			t.Fatal(err)
		}
		want, err := cold.Score(alt)
		if err != nil {
			t.Fatal(err)
		}
		for c := range want.Indicators.Vals {
			if !colsEqual(got.Indicators.Vals[c], want.Indicators.Vals[c]) {
				t.Errorf("%s changed: column %s differs", col, want.Indicators.Cols[c])
			}
		}
		if !colsEqual(got.Score, want.Score) || !colsEqual(got.GroupRank, want.GroupRank) {
			t.Errorf("%s changed: scores differ", col)
		}
	}
}

// asemGroupModel is the ASEM example's model with its EurAsia groups, the
// example's data and their scores: what the what-if tests search on.
func asemGroupModel(t *testing.T) (Input, *Data, Model, *Scores) {
	t.Helper()
	in := asemInputs(t, "ASEM_iData.csv")[0]
	d := PipelineData(in)
	m, err := NewPipelineModel(in.Tree, exampleSpec(), "EurAsia_group")
	if err != nil {
		t.Fatal(err)
	}
	s, err := m.Score(d)
	if err != nil {
		t.Fatal(err)
	}
	return in, d, m, s
}
