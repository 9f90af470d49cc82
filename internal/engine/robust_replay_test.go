package engine

import (
	"context"
	"math"
	"strconv"
	"testing"
)

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
