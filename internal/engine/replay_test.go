package engine

import (
	"strconv"
	"testing"
)

// TestUncertaintyReplay re-runs every replication of COINr's uncertainty
// analysis (get_sensitivity, SA_type = "UA", N = 100) from its exported
// sampled inputs and compares the Index scores (1e-9) and ranks (exact).
func TestUncertaintyReplay(t *testing.T) {
	const dir = "expected/uncertainty_replay/"
	in := asemInputs(t, "ASEM_iData.csv")[0]
	meta := asemMeta(t)

	// Weight sets: weight_set → iCode → weight.
	sets := map[string]map[string]float64{}
	for _, r := range readCSV(t, dir+"UA_N100_noisy_weights_used_long.csv")[1:] {
		if sets[r[0]] == nil {
			sets[r[0]] = map[string]float64{}
		}
		sets[r[0]][r[1]] = parseExpected(t, dir, r[3])
	}
	trees := map[string]*Tree{}
	treeFor := func(set string) *Tree {
		if tr, ok := trees[set]; ok {
			return tr
		}
		w, ok := sets[set]
		if !ok {
			t.Fatalf("weight set %s not found", set)
		}
		m := Meta{Nodes: append([]Node(nil), meta.Nodes...)}
		for i := range m.Nodes {
			v, ok := w[m.Nodes[i].Code]
			if !ok {
				t.Fatalf("weight set %s lacks %s", set, m.Nodes[i].Code)
			}
			m.Nodes[i].Weight = v
		}
		tr, err := NewTree(m)
		if err != nil {
			t.Fatal(err)
		}
		trees[set] = tr
		return tr
	}
	norms := map[string]NormSpec{
		"minmax_1_100": {Method: "minmax", Params: []float64{1, 100}},
		"zscore_10_2":  {Method: "zscore", Params: []float64{10, 2}},
	}
	aggs := map[string]AggSpec{"a_amean": {Method: "amean"}, "a_gmean": {Method: "gmean"}}

	scores := readDatasetCSV(t, dir+"UA_N100_Scores.csv", nil)
	ranks := readDatasetCSV(t, dir+"UA_N100_Ranks.csv", nil)
	index := func(r *Result) (*Dataset, *Dataset) {
		return r.Final().SelectCols([]string{"Index"}), r.Ranks.SelectCols([]string{"Index"})
	}
	compare := func(t *testing.T, r *Result, col string) (int, int) {
		t.Helper()
		gs, gr := index(r)
		gs.Cols[0], gr.Cols[0] = col, col
		return closeEnough(t, col+" scores", gs, scores.SelectCols([]string{col}), 1e-9),
			closeEnough(t, col+" ranks", gr, ranks.SelectCols([]string{col}), 0)
	}

	nominal, err := Evaluate(in, exampleSpec())
	if err != nil {
		t.Fatal(err)
	}
	nScores, nRanks := compare(t, nominal, "Nominal")
	nom := readDatasetCSV(t, dir+"UA_N100_Nominal.csv", nil)
	gs, gr := index(nominal)
	gs.Cols[0], gr.Cols[0] = "Score", "Rank"
	nScores += closeEnough(t, "Nominal.csv scores", gs, nom.SelectCols([]string{"Score"}), 1e-9)
	nRanks += closeEnough(t, "Nominal.csv ranks", gr, nom.SelectCols([]string{"Rank"}), 0)

	para := readCSV(t, dir+"UA_N100_Para.csv")
	if len(para) != 101 {
		t.Fatalf("%d runs, want 100", len(para)-1)
	}
	for _, p := range para[1:] {
		run, winmax, norm, set, agg := p[0], p[1], p[2], p[3], p[4]
		wm, err := strconv.Atoi(winmax)
		if err != nil {
			t.Fatal(err)
		}
		ns, ok1 := norms[norm]
		as, ok2 := aggs[agg]
		if !ok1 || !ok2 {
			t.Fatalf("%s: unknown %s or %s", run, norm, agg)
		}
		s := exampleSpec()
		s.Treat = &TreatSpec{WinMax: wm}
		s.Normalise = &ns
		s.Aggregate = &as
		in := in
		in.Tree = treeFor(set)
		r, err := Evaluate(in, s)
		if err != nil {
			t.Errorf("%s: %v", run, err)
			continue
		}
		a, b := compare(t, r, run)
		nScores += a
		nRanks += b
	}
	t.Logf("replay: %d scores within 1e-9, %d ranks exact (100 runs + nominal)", nScores, nRanks)
}
