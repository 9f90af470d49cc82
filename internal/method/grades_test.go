package method

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGradeUnits(t *testing.T) {
	nan := math.NaN()
	bands := []Grade{{Name: "优秀", MinScore: 90, MaxRank: nan, MaxShare: 0.3}, {Name: "良好", MinScore: 80, MaxRank: nan},
		{Name: "合格", MinScore: nan, MaxRank: nan}}
	for _, c := range []struct {
		name        string
		score, rank []float64
		given, caps []string
		want        []string
	}{
		// 10 units: quota floor(0.3 × 10) = 3 of the four ≥ 90; the 4th
		// best (96, rank 4) goes on to 良好.
		{"quota", []float64{99, 98, 97, 96, 85, 84, 70, 60, 50, 40}, []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, nil, nil,
			[]string{"优秀", "优秀", "优秀", "良好", "良好", "良好", "合格", "合格", "合格", "合格"}},
		// 97 and 97 tie at rank 3: 2 + 2 > 3, so both go on to 良好.
		{"tie across the quota", []float64{99, 98, 97, 97, 85, 84, 70, 60, 50, 40}, []float64{1, 2, 3, 3, 5, 6, 7, 8, 9, 10}, nil, nil,
			[]string{"优秀", "优秀", "良好", "良好", "良好", "良好", "合格", "合格", "合格", "合格"}},
		// A given 优秀 (imported) uses one of the 3 places: 2 are left.
		{"given", []float64{99, 98, 97, 96, 85, 84, 70, 60, 50, 40}, []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
			[]string{"", "", "", "", "", "", "", "", "", "优秀"}, nil,
			[]string{"优秀", "优秀", "良好", "良好", "良好", "良好", "合格", "合格", "合格", "优秀"}},
		// The best unit is capped at 良好: the quota's 3 places go to the
		// next three ≥ 90.
		{"cap", []float64{99, 98, 97, 96, 85, 84, 70, 60, 50, 40}, []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, nil,
			[]string{"良好", "", "", "", "", "", "合格", "", "", ""},
			[]string{"良好", "优秀", "优秀", "优秀", "良好", "良好", "合格", "合格", "合格", "合格"}},
		// 7 units: floor(0.3 × 7) = floor(2.1) = 2.
		{"rounds down", []float64{99, 98, 97, 96, 95, 94, 93}, []float64{1, 2, 3, 4, 5, 6, 7}, nil, nil,
			[]string{"优秀", "优秀", "良好", "良好", "良好", "良好", "良好"}},
		// Unknown score and rank: only the catch-all.
		{"unknown", []float64{nan}, []float64{nan}, nil, nil, []string{"合格"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if d := cmp.Diff(c.want, GradeUnits(bands, c.score, c.rank, c.given, c.caps)); d != "" {
				t.Error(d)
			}
		})
	}
	// Bands by rank without a catch-all: rank 3 is ungraded.
	byRank := []Grade{{Name: "A", MinScore: nan, MaxRank: 1}, {Name: "B", MinScore: nan, MaxRank: 2}}
	if d := cmp.Diff([]string{"A", "B", ""}, GradeUnits(byRank, []float64{nan, nan, nan}, []float64{1, 2, 3}, nil, nil)); d != "" {
		t.Error(d)
	}
}
