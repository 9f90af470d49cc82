package engine

import (
	"testing"
)

// TestWhatIfTolerance: on TestWhatIfHand's data, q needs +10 on A for the
// top 2 and +30 for 1st; a bisection stopped at 1e-5 of the change finds
// the same verified 3-digit answers, its Delta at most 1e-5 above.
func TestWhatIfTolerance(t *testing.T) {
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
		res, err := WhatIf(m, d, WhatIfQuery{Unit: "q", Column: "A", TopK: tc.k, Tolerance: 1e-5})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Reachable || res.Rounded != tc.delta || res.Delta < tc.delta || res.Delta > tc.delta*(1+1e-5) {
			t.Errorf("top %d: %+v, want delta %v", tc.k, res, tc.delta)
		}
	}
}
