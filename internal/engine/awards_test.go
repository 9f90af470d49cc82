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

func TestCut(t *testing.T) {
	yes := []bool{true, true, true, true, true}
	tests := []struct {
		name         string
		keys         [][]float64
		eligible     []bool
		n            int
		want, wantTo []int
	}{
		// ranks 1, 2, 2, 4, 5 and two places: units 1 and 2 tie at place 2;
		// the unrounded scores (negated: lower first) 79.094 and 79.086 put
		// unit 1 first, so it wins and nothing is pending.
		{"second key breaks", [][]float64{{1, 2, 2, 4, 5}, {-80, -79.094, -79.086, -70, -60}}, yes, 2, []int{0, 1}, nil},
		// the same tie with equal unrounded scores: neither is chosen, both
		// are pending for the one place left.
		{"tie remains", [][]float64{{1, 2, 2, 4, 5}, {-80, -79.09, -79.09, -70, -60}}, yes, 2, []int{0}, []int{1, 2}},
		// a full tie below the cut-off changes nothing.
		{"tie below", [][]float64{{1, 2, 3, 3, 5}, {0, 0, 0, 0, 0}}, yes, 2, []int{0, 1}, nil},
		// a full tie inside the places changes nothing either.
		{"tie inside", [][]float64{{1, 1, 3, 4, 5}}, yes, 2, []int{0, 1}, nil},
		// unit 0 is not eligible: units 1 and 2 take both places though tied.
		{"ineligible fills", [][]float64{{1, 2, 2, 4, 5}}, []bool{false, true, true, true, true}, 2, []int{1, 2}, nil},
		// three tied for two places after unit 0: all three pending.
		{"three for one", [][]float64{{1, 2, 2, 2, 5}}, yes, 2, []int{0}, []int{1, 2, 3}},
		// a missing first key cannot win; a missing second key counts worst.
		{"missing", [][]float64{{nan, 2, 2, 4, 5}, {0, nan, -1, 0, 0}}, yes, 1, []int{2}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, pending := Cut(tc.keys, tc.eligible, tc.n)
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("winners (-want +got)\n%s", d)
			}
			if d := cmp.Diff(tc.wantTo, pending); d != "" {
				t.Errorf("pending (-want +got)\n%s", d)
			}
		})
	}
}
