package engine

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var nan = math.NaN()

// approx compares floats to 1e-12 and NaN equal to NaN.
var approx = cmp.Options{cmpopts.EquateNaNs(), cmpopts.EquateApprox(0, 1e-12)}

func TestScoringRules(t *testing.T) {
	tests := []struct {
		name string
		got  []float64
		want []float64
	}{
		// 60 + 40·(x − 2)/(10 − 2): 2 → 60, 6 → 80, 10 → 100, 12 → 110 unclamped.
		{"efficacy sample bounds", Efficacy([]float64{2, 6, 10, nan, 12}, 10, 2, 60, 100, false),
			[]float64{60, 80, 100, nan, 110}},
		{"efficacy clamped", Efficacy([]float64{0, 6, 12}, 10, 2, 60, 100, true),
			[]float64{60, 80, 100}},
		// less is better: s = 50 (good debt ratio), u = 150: 100 → 60 + 40·(100−150)/(50−150) = 80.
		{"efficacy negative direction", Efficacy([]float64{50, 100, 150, 200}, 50, 150, 60, 100, true),
			[]float64{100, 80, 60, 60}},
		{"efficacy all equal", Efficacy([]float64{3, 3, nan}, 3, 3, 60, 100, true),
			[]float64{100, 100, nan}},
		// 100·min(a/t, 1.2): 8/10 = 0.8 → 80; 15/10 = 1.5 → capped 1.2 → 120.
		{"completion capped", Completion([]float64{8, 15, 5, 5, nan}, []float64{10, 10, 0, nan, 10}, 1, 100, 1.2),
			[]float64{80, 120, nan, nan, nan}},
		{"completion no cap", Completion([]float64{15}, []float64{10}, 1, 100, nan), []float64{150}},
		// less is better: target 4, actual 5 → 4/5 = 0.8 → 80.
		{"completion negative direction", Completion([]float64{5, 2}, []float64{4, 4}, -1, 100, 1), []float64{80, 100}},
		{"all or nothing", AllOrNothing([]float64{10, 9.99, 11, nan}, []float64{10, 10, 10, 10}, 1, 100, 0),
			[]float64{100, 0, 100, nan}},
		{"all or nothing less is better", AllOrNothing([]float64{3, 4}, []float64{3.5, 3.5}, -1, 5, 0),
			[]float64{5, 0}},
		// places 1, 2, 2, 4 → 100, 98, 98, 94 with 2 points per place.
		{"rank score", RankScore([]float64{9, 7, 7, 1, nan}, 1, 100, 2), []float64{100, 98, 98, 94, nan}},
		{"rank score less is better", RankScore([]float64{9, 7, 1}, -1, 10, 1), []float64{8, 9, 10}},
		// avg 5, unit 0.1: 5.3 → +3 steps × 0.2 = 80.6; 4.8 → −2 steps × 0.5 = 79.
		{"average diff", AverageDiff([]float64{5.3, 4.8, 5, nan}, 5, 1, 80, 0.2, 0.5, 0.1, false),
			[]float64{80.6, 79, 80, nan}},
		// whole steps: 5.35 → 3 completed steps (3.5 truncated); 4.75 → −2 (−2.5 truncated) × 0.5 = 79.
		{"average diff whole steps", AverageDiff([]float64{5.35, 4.75}, 5, 1, 80, 0.2, 0.5, 0.1, true),
			[]float64{80.6, 79}},
		{"average diff less is better", AverageDiff([]float64{4.8}, 5, -1, 80, 0.2, 0.5, 0.1, false),
			[]float64{80.4}},
		{"clamp", Clamp([]float64{-1, 50, 130, nan}, 0, 120), []float64{0, 50, 120, nan}},
		{"clamp no ceiling", Clamp([]float64{-1, 130}, 0, nan), []float64{0, 130}},
		{"rank by one key", RankBy([][]float64{{3, 1, 3, nan, 2}}), []float64{1, 4, 1, nan, 3}},
		// tie on the first key broken by the second; a full tie shares.
		{"rank by tie-break", RankBy([][]float64{{90, 90, 90, 80}, {5, 7, 5, 9}}), []float64{2, 1, 2, 4}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if d := cmp.Diff(tc.want, tc.got, approx); d != "" {
				t.Errorf("(-want +got)\n%s", d)
			}
		})
	}
}
