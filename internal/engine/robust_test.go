package engine

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// exampleUncertainty is COINr's example uncertainty analysis (the one the
// replay files come from): Winsorisation limit 1–5, minmax (1, 100) or
// zscore (10, 2), weights of levels 2 and 3 ± 25 %, amean or gmean.
func exampleUncertainty() Uncertainty {
	return Uncertainty{
		WinMax:    []int{1, 2, 3, 4, 5},
		Normalise: []NormSpec{{Method: "minmax", Params: []float64{1, 100}}, {Method: "zscore", Params: []float64{10, 2}}},
		Weights:   []LevelNoise{{2, 0.25}, {3, 0.25}},
		Aggregate: []AggSpec{{Method: "amean"}, {Method: "gmean"}},
	}
}

func exampleRobustness(tb testing.TB) *Robustness {
	tb.Helper()
	r, err := NewRobustness(asemInputs(tb, "ASEM_iData.csv")[0], exampleSpec(), exampleUncertainty(), "")
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// TestRobustDeterministic checks that the output depends on the seed only,
// not on the number of workers.
func TestRobustDeterministic(t *testing.T) {
	r := exampleRobustness(t)
	run := func(workers int, seed uint64) *RankStats {
		s, err := r.Uncertainty(context.Background(), RunOptions{N: 300, Seed: seed, Workers: workers, KeepRanks: true})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	// cmp is slow on thousands of rows: compare the ranks row by row.
	sameRanks := func(a, b *RankStats) bool {
		if len(a.Ranks) != len(b.Ranks) {
			return false
		}
		for i := range a.Ranks {
			if !slices.Equal(a.Ranks[i], b.Ranks[i]) {
				return false
			}
		}
		return true
	}
	one := run(1, 7)
	for _, w := range []int{2, 3, 8} {
		other := run(w, 7)
		if !sameRanks(one, other) {
			t.Errorf("workers %d: ranks differ from 1 worker", w)
		}
		a, b := *one, *other
		a.Ranks, b.Ranks = nil, nil
		if diff := cmp.Diff(a, b); diff != "" {
			t.Errorf("workers %d differ from 1 worker (-1 +%d):\n%s", w, w, diff)
		}
	}
	if sameRanks(one, run(2, 8)) {
		t.Error("seeds 7 and 8 give the same replicates")
	}
}

// TestRobustAggregateMatchesApply checks that a replicate's aggregation
// (nominal aggregates reused where their inputs and weights are unchanged,
// the others recomputed column by column) gives bit for bit the values of
// Aggregator.Apply, with random weights (some zero) on some levels, on data
// with missing values.
func TestRobustAggregateMatchesApply(t *testing.T) {
	in := nationalInput(t, 300, 40) // 2% missing values, not imputed
	rng := rand.New(rand.NewPCG(1, 2))
	for _, method := range []string{"amean", "gmean"} {
		for _, norm := range []NormSpec{{Method: "minmax", Params: []float64{1, 100}}, {Method: "minmax", Params: []float64{0, 100}}} {
			r, err := NewRobustness(in, Spec{Normalise: &norm, Aggregate: &AggSpec{Method: "amean"}},
				Uncertainty{Aggregate: []AggSpec{{Method: "amean"}, {Method: method}}}, "")
			if err != nil {
				t.Fatal(err)
			}
			r.prepare()
			wk := r.newWork()
			reused := 0
			for trial := 0; trial < 40; trial++ {
				w := append([]float64(nil), r.nomW...)
				for i, n := range r.in.Tree.Nodes {
					if n.Level == 1+trial%4 && rng.IntN(3) == 0 {
						w[i] *= 0.5 + rng.Float64()
						if rng.IntN(5) == 0 {
							w[i] = 0
						}
					}
				}
				want, errA := r.aggs[1].Run(r.combos[0].data, w)
				wk.c = Choice{Aggregate: 1, Weights: w}
				_, _, errC := r.replicate(wk)
				if (errA == nil) != (errC == nil) {
					t.Fatalf("%s %v: Apply error %v, replicate error %v", method, norm.Params, errA, errC)
				}
				if errA != nil {
					continue
				}
				dst := wk.dst[0]
				for c := range want.Cols {
					for u, v := range want.Vals[c] {
						g := dst.Vals[c][u]
						if math.Float64bits(g) != math.Float64bits(v) && !(IsNA(g) && IsNA(v)) {
							t.Fatalf("%s trial %d: %s/%s = %v, Apply gives %v", method, trial, want.Units[u], want.Cols[c], g, v)
						}
					}
					if c >= len(in.Raw.Cols) && &dst.Vals[c][0] != &wk.own[0][c][0] {
						reused++
					}
				}
			}
			if norm.Params[0] == 1 && reused == 0 {
				t.Errorf("%s: no aggregate was reused", method)
			}
		}
	}
}

// TestRobustChoices checks the decoding of sample points: noisy weights
// stay within ±f of the nominal weights on the listed levels only, and the
// leave-out zeroes one indicator.
func TestRobustChoices(t *testing.T) {
	u := exampleUncertainty()
	u.Weights = []LevelNoise{{2, 0.25}}
	u.LeaveOut = true
	r, err := NewRobustness(asemInputs(t, "ASEM_iData.csv")[0], exampleSpec(), u, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Variables(), []string{"winmax", "normalise", "weights", "aggregate", "leave_out"}; !cmp.Equal(got, want) {
		t.Errorf("variables %v, want %v", got, want)
	}
	wk := r.newWork()
	seen := map[int]bool{}
	left := map[int]bool{}
	for i := 0; i < 2000; i++ {
		p := streamFor(3, uint64(i))
		drawPoint(&p, wk.x)
		r.decode(wk.x, wk)
		seen[wk.c.WinMax] = true
		left[wk.c.LeaveOut] = true
		for k, n := range r.in.Tree.Nodes {
			w := wk.c.Weights[k]
			if n.Level == 2 && (w < 0.75*n.Weight || w > 1.25*n.Weight) || n.Level != 2 && w != n.Weight {
				t.Fatalf("replicate %d: %s (level %d) weight %v from %v", i, n.Code, n.Level, w, n.Weight)
			}
		}
	}
	if len(seen) != 5 || len(left) != 50 {
		t.Errorf("winmax alternatives drawn %d (want 5), leave-outs %d (want 50)", len(seen), len(left))
	}
	r.prepare()
	wk.c = Choice{LeaveOut: 3}
	if _, _, err := r.replicate(wk); err != nil {
		t.Fatal(err)
	}
	if ind := r.in.Tree.Indicators[2]; wk.w[ind] != 0 {
		t.Errorf("leave-out 3: weight of %s is %v", r.in.Tree.Nodes[ind].Code, wk.w[ind])
	}
}

// TestRobustFailures: with minmax (0, 100), gmean meets zeros and fails;
// those replicates count as failed and give no ranks, as COINr's NA runs.
func TestRobustFailures(t *testing.T) {
	in := asemInputs(t, "ASEM_iData.csv")[0]
	u := Uncertainty{
		Normalise: []NormSpec{{Method: "minmax", Params: []float64{0, 100}}, {Method: "minmax", Params: []float64{1, 100}}},
		Aggregate: []AggSpec{{Method: "gmean"}},
	}
	r, err := NewRobustness(in, exampleSpec(), u, "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := r.Uncertainty(context.Background(), RunOptions{N: 200, Seed: 5, KeepRanks: true})
	if err != nil {
		t.Fatal(err)
	}
	failed := 0
	for _, row := range s.Ranks {
		if row[0] == 0 {
			failed++
		}
	}
	if s.Failed != failed || failed < 60 || failed > 140 {
		t.Errorf("failed %d, rows without ranks %d (expected about 100 of 200)", s.Failed, failed)
	}
	var e *Error
	if s.FirstError == nil || !asError(s.FirstError, &e) || e.Kind != ErrNonPositive {
		t.Errorf("first error %v, want ErrNonPositive", s.FirstError)
	}
	u.Normalise = u.Normalise[:1]
	u.Aggregate = append(u.Aggregate, AggSpec{Method: "gmean"})
	r, _ = NewRobustness(in, exampleSpec(), u, "")
	s, err = r.Uncertainty(context.Background(), RunOptions{N: 20, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	if s.Failed != 20 || !IsNA(s.Median[0]) || !IsNA(s.PTop[0]) {
		t.Errorf("all failing: failed %d, median %v, p_top %v", s.Failed, s.Median[0], s.PTop[0])
	}
}

func asError(err error, e **Error) bool {
	x, ok := err.(*Error)
	*e = x
	return ok
}

func TestRobustErrors(t *testing.T) {
	in := asemInputs(t, "ASEM_iData.csv")[0]
	noAgg := exampleSpec()
	noAgg.Aggregate = nil
	tests := []struct {
		name string
		spec Spec
		u    Uncertainty
		node string
		kind ErrKind
	}{
		{"no aggregation", noAgg, Uncertainty{}, "", ErrBadParameter},
		{"unknown node", exampleSpec(), Uncertainty{}, "Nope", ErrUnknownNode},
		{"level 5", exampleSpec(), Uncertainty{Weights: []LevelNoise{{5, 0.1}}}, "", ErrBadParameter},
		{"factor 2", exampleSpec(), Uncertainty{Weights: []LevelNoise{{2, 2}}}, "", ErrBadParameter},
		{"negative winmax", exampleSpec(), Uncertainty{WinMax: []int{-1}}, "", ErrBadParameter},
		{"bad normalisation", exampleSpec(), Uncertainty{Normalise: []NormSpec{{Method: "nope"}}}, "", ErrUnknownMethod},
		{"bad aggregation", exampleSpec(), Uncertainty{Aggregate: []AggSpec{{Method: "nope"}}}, "", ErrUnknownMethod},
		{"bad imputation", exampleSpec(), Uncertainty{Impute: []*ImputeSpec{{Method: "mode"}}}, "", ErrUnknownMethod},
		{"unknown group", exampleSpec(), Uncertainty{Impute: []*ImputeSpec{{Method: "mean", Group: "Nope"}}}, "", ErrBadParameter},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewRobustness(in, tc.spec, tc.u, tc.node)
			var e *Error
			if !asError(err, &e) || e.Kind != tc.kind {
				t.Errorf("error %v, want kind %d", err, tc.kind)
			}
		})
	}
	r := exampleRobustness(t)
	if _, err := r.Uncertainty(context.Background(), RunOptions{N: 0}); err == nil {
		t.Error("N = 0 accepted")
	}
	if _, _, err := r.Replicate(Choice{WinMax: 5}); err == nil {
		t.Error("winmax choice 5 of 5 accepted")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := r.Uncertainty(ctx, RunOptions{N: 100}); err == nil {
		t.Error("cancelled run returned no error")
	}
}

// TestRobustReplicateMatchesEvaluate draws replicates over every kind of
// uncertain input (imputation, including none; Winsorisation limit;
// normalisation; noisy weights at levels 1 and 3; aggregation; leave one
// indicator out) and checks each against Evaluate run with the same
// choices spelled out as a Spec and a hierarchy.
func TestRobustReplicateMatchesEvaluate(t *testing.T) {
	in := asemInputs(t, "ASEM_iData.csv")[0]
	u := Uncertainty{
		Impute:    []*ImputeSpec{{Method: "mean", Group: "EurAsia_group"}, {Method: "median"}, nil},
		WinMax:    []int{0, 3},
		Normalise: []NormSpec{{Method: "minmax", Params: []float64{1, 100}}, {Method: "rank", Ties: "min"}},
		Weights:   []LevelNoise{{1, 0.5}, {3, 0.2}},
		Aggregate: []AggSpec{{Method: "amean"}, {Method: "gmean"}, {Method: "hmean"}},
		LeaveOut:  true,
	}
	r, err := NewRobustness(in, exampleSpec(), u, "Conn")
	if err != nil {
		t.Fatal(err)
	}
	r.prepare()
	wk := r.newWork()
	meta := asemMeta(t)
	checked := 0
	for i := 0; i < 60; i++ {
		p := streamFor(9, uint64(i))
		drawPoint(&p, wk.x)
		r.decode(wk.x, wk)
		c := wk.c
		c.Weights = append([]float64(nil), c.Weights...)
		scores, ranks, err := r.Replicate(c)
		s := exampleSpec()
		s.Impute, s.Treat, s.Normalise, s.Aggregate = u.Impute[c.Impute], &TreatSpec{WinMax: u.WinMax[c.WinMax]}, &u.Normalise[c.Normalise], &u.Aggregate[c.Aggregate]
		m := Meta{Nodes: append([]Node(nil), meta.Nodes...)}
		for k := range m.Nodes {
			m.Nodes[k].Weight = c.Weights[k]
		}
		if c.LeaveOut > 0 {
			m.Nodes[r.in.Tree.Indicators[c.LeaveOut-1]].Weight = 0
		}
		tree, terr := NewTree(m)
		if terr != nil {
			continue // the left-out indicator was alone under its pillar
		}
		in2 := in
		in2.Tree = tree
		want, werr := Evaluate(in2, s)
		if (err == nil) != (werr == nil) {
			t.Fatalf("replicate %d %+v: error %v, Evaluate error %v", i, c, err, werr)
		}
		if err != nil {
			continue
		}
		ws, wr := want.Final().Col("Conn"), want.Ranks.Col("Conn")
		for k, unit := range want.Final().Units {
			ui := r.unitIdx[unit]
			if math.Float64bits(scores[ui]) != math.Float64bits(ws[k]) || ranks[ui] != wr[k] {
				t.Fatalf("replicate %d %+v: %s score %v rank %v, Evaluate %v %v", i, c, unit, scores[ui], ranks[ui], ws[k], wr[k])
			}
		}
		checked++
	}
	if checked < 40 {
		t.Errorf("only %d of 60 replicates compared", checked)
	}
	t.Logf("%d replicates identical to Evaluate", checked)
}
