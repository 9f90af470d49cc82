package report

import (
	"math"
	"testing"

	"github.com/qiangxian/qiangxian/internal/method"
)

// TestAwardNote: what a notice heading says after the count.
func TestAwardNote(t *testing.T) {
	eleven := []AwardGroup{{Codes: make([]string, 11)}}
	tests := []struct {
		name     string
		a        method.Award
		groups   []AwardGroup
		baseline string
		want     string
	}{
		{"nothing to add", method.Award{Kind: method.AwardOverall, Count: 10, Amount: math.NaN()}, []AwardGroup{{Codes: make([]string, 10)}}, "", ""},
		// 11 winners for 10 places: a shared last place (并列).
		{"shared, plaque", method.Award{Kind: method.AwardOverall, Count: 10, Reward: "授牌", Amount: math.NaN()}, eleven, "",
			"，含末位并列，授牌"},
		{"rise with money, rescored", method.Award{Kind: method.AwardRise, Count: 11, Amount: 5000}, eleven, method.BaselineRescored,
			"，名次上升按上年同口径重算名次计算，每个奖励5000万元"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := awardNote(tc.a, tc.groups, tc.baseline); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
