package engine

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTopN(t *testing.T) {
	all := func(n int) []bool {
		b := make([]bool, n)
		for i := range b {
			b[i] = true
		}
		return b
	}
	tests := []struct {
		name      string
		key       []float64
		eligible  []bool
		n         int
		want      []int
		wantExtra int
	}{
		{"plain top 2", []float64{3, 1, 2, 4}, all(4), 2, []int{1, 2}, 0},
		// unit 1 (rank 1) is vetoed: the next eligible unit fills the place.
		{"skip ineligible", []float64{3, 1, 2, 4}, []bool{true, false, true, true}, 2, []int{2, 0}, 0},
		// ranks 1, 2, 2: both units tied at the last place win.
		{"tie at cut-off", []float64{1, 2, 2, 4}, all(4), 2, []int{0, 1, 2}, 1},
		// a tie below the cut-off changes nothing.
		{"tie below cut-off", []float64{1, 2, 3, 3}, all(4), 2, []int{0, 1}, 0},
		// missing key (a new unit without a previous rank) cannot win.
		{"missing key", []float64{nan, 2, 1}, all(3), 3, []int{2, 1}, 0},
		{"fewer candidates", []float64{1}, all(1), 3, []int{0}, 0},
		{"none", []float64{1, 2}, all(2), 0, nil, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, extra := TopN(tc.key, tc.eligible, tc.n)
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("winners (-want +got)\n%s", d)
			}
			if extra != tc.wantExtra {
				t.Errorf("extra = %d, want %d", extra, tc.wantExtra)
			}
		})
	}
}
