package engine

import (
	"context"
	"math"
	"math/rand/v2"
	"strconv"
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

// replayChoices reads the 100 sampled inputs of COINr's uncertainty
// analysis as Choices of exampleUncertainty.
func replayChoices(t *testing.T, r *Robustness) (runs []string, choices []Choice) {
	t.Helper()
	const dir = "expected/uncertainty_replay/"
	sets := map[string]map[string]float64{}
	for _, rec := range readCSV(t, dir+"UA_N100_noisy_weights_used_long.csv")[1:] {
		if sets[rec[0]] == nil {
			sets[rec[0]] = map[string]float64{}
		}
		sets[rec[0]][rec[1]] = parseExpected(t, dir, rec[3])
	}
	norms := map[string]int{"minmax_1_100": 0, "zscore_10_2": 1}
	aggs := map[string]int{"a_amean": 0, "a_gmean": 1}
	for _, p := range readCSV(t, dir+"UA_N100_Para.csv")[1:] {
		wm, err := strconv.Atoi(p[1])
		if err != nil {
			t.Fatal(err)
		}
		c := Choice{WinMax: wm - 1, Normalise: norms[p[2]], Aggregate: aggs[p[4]]}
		set, ok := sets[p[3]]
		if !ok {
			t.Fatalf("weight set %s not found", p[3])
		}
		for _, n := range r.in.Tree.Nodes {
			c.Weights = append(c.Weights, set[n.Code])
		}
		runs, choices = append(runs, p[0]), append(choices, c)
	}
	return runs, choices
}

// TestRobustReplay replays COINr's 100 uncertainty runs through the
// robustness machinery (precomputed treatments and normalisations, the
// column-wise aggregation, the ranking) and compares every Index score
// (1e-9) and rank (exactly) with COINr's, and the nominal ones.
func TestRobustReplay(t *testing.T) {
	const dir = "expected/uncertainty_replay/"
	r := exampleRobustness(t)
	runs, choices := replayChoices(t, r)
	if len(runs) != 100 {
		t.Fatalf("%d runs, want 100", len(runs))
	}
	scores := readDatasetCSV(t, dir+"UA_N100_Scores.csv", nil)
	ranks := readDatasetCSV(t, dir+"UA_N100_Ranks.csv", nil)
	asDataset := func(col string, v []float64) *Dataset {
		d := NewDataset(r.Units(), []string{col})
		copy(d.Vals[0], v)
		return d
	}
	ns, nr := r.Nominal()
	nScores := closeEnough(t, "nominal scores", asDataset("Nominal", ns), scores.SelectCols([]string{"Nominal"}), 1e-9)
	nRanks := closeEnough(t, "nominal ranks", asDataset("Nominal", nr), ranks.SelectCols([]string{"Nominal"}), 0)
	for k, c := range choices {
		s, rk, err := r.Replicate(c)
		if err != nil {
			t.Fatalf("%s: %v", runs[k], err)
		}
		nScores += closeEnough(t, runs[k]+" scores", asDataset(runs[k], s), scores.SelectCols([]string{runs[k]}), 1e-9)
		nRanks += closeEnough(t, runs[k]+" ranks", asDataset(runs[k], rk), ranks.SelectCols([]string{runs[k]}), 0)
	}
	if nRanks != 101*51 || nScores != 101*51 {
		t.Errorf("compared %d scores and %d ranks, want %d each", nScores, nRanks, 101*51)
	}
	t.Logf("robustness replay: %d Index scores within 1e-9 and %d ranks exact (100 COINr runs + nominal)", nScores, nRanks)
}

// TestRobustReplayStats streams COINr's 100 replay runs through the rank
// accumulator and compares the statistics with R's (mean, median and
// type-7 quantiles of COINr's own ranks, computed here with Quantile).
func TestRobustReplayStats(t *testing.T) {
	r := exampleRobustness(t)
	_, choices := replayChoices(t, r)
	ranks := readDatasetCSV(t, "expected/uncertainty_replay/UA_N100_Ranks.csv", nil)
	for _, keep := range []bool{false, true} {
		// 100 runs ≥ 51 units: the histogram form, unless the ranks are kept.
		acc := newRankAcc(len(r.Units()), len(choices), keep)
		choose := func(i int, wk *robustWork) { wk.c = choices[i] }
		f, err := r.runMany(context.Background(), 2, len(choices), len(choices), choose, nil, acc)
		if err != nil {
			t.Fatal(err)
		}
		s := r.rankStats(acc, RunOptions{KeepRanks: keep}, f)
		for u, unit := range r.Units() {
			ru := ranks.UnitIndex(unit)
			var x []float64
			inTop := 0
			for c, col := range ranks.Cols {
				if col != "Nominal" {
					x = append(x, ranks.Vals[c][ru])
					if ranks.Vals[c][ru] <= 10 {
						inTop++
					}
				}
			}
			want := []float64{Mean(x), Median(x), Quantile(x, 0.05), Quantile(x, 0.95), float64(inTop) / 100}
			got := []float64{s.Mean[u], s.Median[u], s.Q5[u], s.Q95[u], s.PTop[u]}
			for i := range want {
				if math.Abs(got[i]-want[i]) > 1e-12 {
					t.Errorf("keep=%v %s: stats %v, want %v", keep, unit, got, want)
					break
				}
			}
		}
		if s.Runs != 100 || s.Failed != 0 || (s.Ranks != nil) != keep {
			t.Errorf("keep=%v: runs %d, failed %d, ranks kept %v", keep, s.Runs, s.Failed, s.Ranks != nil)
		}
	}
}

// TestRobustVersusCOINr compares a seeded N = 1000 analysis of the same
// uncertain inputs with COINr's 100 replay runs (an independent random
// sample of the same distribution): the nominal ranks must be equal, and
// most medians within ±2 ranks and 5–95% intervals overlapping.
func TestRobustVersusCOINr(t *testing.T) {
	r := exampleRobustness(t)
	s, err := r.Uncertainty(context.Background(), RunOptions{N: 1000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	ranks := readDatasetCSV(t, "expected/uncertainty_replay/UA_N100_Ranks.csv", nil)
	close2, overlap := 0, 0
	for u, unit := range s.Units {
		ru := ranks.UnitIndex(unit)
		var x []float64
		for c, col := range ranks.Cols {
			if col != "Nominal" {
				x = append(x, ranks.Vals[c][ru])
			}
		}
		if s.Nominal[u] != ranks.Col("Nominal")[ru] {
			t.Errorf("%s: nominal rank %v, COINr %v", unit, s.Nominal[u], ranks.Col("Nominal")[ru])
		}
		if math.Abs(s.Median[u]-Median(x)) <= 2 {
			close2++
		}
		if s.Q5[u] <= Quantile(x, 0.95) && Quantile(x, 0.05) <= s.Q95[u] {
			overlap++
		}
	}
	n := len(s.Units)
	if close2 < n*9/10 || overlap != n {
		t.Errorf("medians within ±2: %d of %d (want ≥ 90%%); intervals overlapping: %d of %d", close2, n, overlap, n)
	}
	if s.Failed != 0 || s.Runs != 1000 {
		t.Errorf("runs %d, failed %d", s.Runs, s.Failed)
	}
	t.Logf("N=1000 vs COINr's 100 runs: nominal ranks equal for %d units, medians within ±2 for %d, 5–95%% intervals overlap for %d", n, close2, overlap)
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
	one := run(1, 7)
	for _, w := range []int{2, 3, 8} {
		if diff := cmp.Diff(one, run(w, 7)); diff != "" {
			t.Errorf("workers %d differ from 1 worker (-1 +%d):\n%s", w, w, diff)
		}
	}
	if cmp.Equal(one.Ranks, run(2, 8).Ranks) {
		t.Error("seeds 7 and 8 give the same replicates")
	}
}

// TestRobustAggregateMatchesApply checks that the column-wise amean and
// gmean give bit for bit the values of Aggregator.Apply, with random
// weights (some zero) on data with missing values.
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
			cb := &r.combos[0]
			wk := r.newWork()
			for trial := 0; trial < 20; trial++ {
				w := append([]float64(nil), r.nomW...)
				for i := range w {
					w[i] *= 0.5 + rng.Float64()
					if rng.IntN(10) == 0 {
						w[i] = 0
					}
				}
				want, errA := r.aggs[1].Run(cb.data, w)
				dst := NewDataset(cb.data.Units, r.aggs[1].Cols())
				errC := r.aggregate(&wk.agg, 1, dst, cb, w)
				if (errA == nil) != (errC == nil) {
					t.Fatalf("%s %v: Apply error %v, column-wise error %v", method, norm.Params, errA, errC)
				}
				if errA != nil {
					continue
				}
				for c := range want.Cols {
					for u, v := range want.Vals[c] {
						g := dst.Vals[c][u]
						if math.Float64bits(g) != math.Float64bits(v) && !(IsNA(g) && IsNA(v)) {
							t.Fatalf("%s trial %d: %s/%s = %v, Apply gives %v", method, trial, want.Units[u], want.Cols[c], g, v)
						}
					}
				}
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
	c := Choice{LeaveOut: 3}
	wk.c = c
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
