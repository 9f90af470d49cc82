package engine

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestRank(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		x    []float64
		ties string
		want []float64
	}{
		{"distinct", []float64{3, 1, 2}, "", []float64{1, 3, 2}},
		{"ties min", []float64{4, 3, 3, 1}, TiesMin, []float64{1, 2, 2, 4}},
		{"ties default is min", []float64{4, 3, 3, 1}, "", []float64{1, 2, 2, 4}},
		{"ties average", []float64{4, 3, 3, 1}, TiesAverage, []float64{1, 2.5, 2.5, 4}},
		{"ties max", []float64{4, 3, 3, 1}, TiesMax, []float64{1, 3, 3, 4}},
		{"three-way tie average", []float64{2, 2, 5, 2}, TiesAverage, []float64{3, 3, 1, 3}},
		{"all tied", []float64{7, 7, 7}, TiesMin, []float64{1, 1, 1}},
		{"NA kept and unranked", []float64{nan, 5, 1, nan, 5}, TiesMin, []float64{nan, 1, 3, nan, 1}},
		{"NA with average", []float64{1, nan, 1, 0}, TiesAverage, []float64{1.5, nan, 1.5, 3}},
		{"all NA", []float64{nan, nan}, TiesMin, []float64{nan, nan}},
		{"empty", []float64{}, TiesMin, []float64{}},
		{"single", []float64{-2}, TiesMin, []float64{1}},
		{"negative zero ties with zero", []float64{math.Copysign(0, -1), 0, -1}, TiesMin, []float64{1, 1, 3}},
		{"infinities", []float64{math.Inf(-1), 0, math.Inf(1)}, TiesMin, []float64{3, 2, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := make([]float64, len(tc.x))
			copy(in, tc.x)
			got := Rank(in, tc.ties)
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateNaNs()); diff != "" {
				t.Errorf("Rank(%v, %q) (-want +got):\n%s", tc.x, tc.ties, diff)
			}
			if diff := cmp.Diff(tc.x, in, cmpopts.EquateNaNs()); diff != "" {
				t.Errorf("Rank modified its input (-before +after):\n%s", diff)
			}
			// In place, with a reused scratch, gives the same ranks.
			var sc Scratch
			RankInto(in, in, tc.ties, &sc)
			if diff := cmp.Diff(tc.want, in, cmpopts.EquateNaNs()); diff != "" {
				t.Errorf("RankInto in place (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRankUnknownTiesPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Rank with ties \"first\" did not panic")
		}
	}()
	Rank([]float64{1, 2}, "first")
}

// TestRankASEMAggregated ranks every column of COINr's Aggregated data set
// and compares with COINr's rank(-x, ties.method = "min") exactly.
func TestRankASEMAggregated(t *testing.T) {
	agg := readDatasetCSV(t, "expected/example/dset_Aggregated.csv", nil)
	want := readDatasetCSV(t, "expected/example/example_Aggregated_ranks_min_ties.csv", nil)
	got := NewDataset(agg.Units, agg.Cols)
	for c := range agg.Cols {
		got.Vals[c] = Rank(agg.Vals[c], TiesMin)
	}
	n := closeEnough(t, "ranks", got, want, 0)
	if n != len(want.Units)*len(want.Cols) || n == 0 {
		t.Errorf("compared %d ranks, want %d", n, len(want.Units)*len(want.Cols))
	}
	t.Logf("ranks: compared %d values (%d units × %d columns)", n, len(want.Units), len(want.Cols))
}

func TestRankIntoNoAllocs(t *testing.T) {
	x := make([]float64, 500)
	for i := range x {
		x[i] = float64((i * 7919) % 97)
	}
	dst := make([]float64, len(x))
	var sc Scratch
	RankInto(dst, x, TiesAverage, &sc) // grow the scratch
	if a := testing.AllocsPerRun(20, func() { RankInto(dst, x, TiesAverage, &sc) }); a != 0 {
		t.Errorf("RankInto allocates %v times per call with a grown scratch", a)
	}
}
