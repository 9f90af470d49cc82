package web

import (
	"math"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
)

func TestStabilityOfRows(t *testing.T) {
	nan := math.NaN()
	// A, B, C, D were 1, 2, 3, 4 last year and are 2, 1, 3, 4 now; E has no
	// rank change (new) and is left out. Spearman 1 − 6·2/(4·15) = 0.8,
	// mean |move| (1 + 1 + 0 + 0)/4 = 0.5, largest 1.
	rows := map[string]store.Result{
		"A": {Rank: 2, RankChange: -1}, "B": {Rank: 1, RankChange: 1}, "C": {Rank: 3, RankChange: 0},
		"D": {Rank: 4, RankChange: 0}, "E": {Rank: 5, RankChange: nan},
	}
	s := stabilityOfRows(rows)
	if s == nil || s.Units != 4 || math.Abs(s.Spearman-0.8) > 1e-12 || s.MeanAbs != 0.5 || s.MaxAbs != 1 {
		t.Errorf("%+v", s)
	}
	if s := stabilityOfRows(map[string]store.Result{"E": {Rank: 1, RankChange: nan}}); s != nil {
		t.Errorf("without rank changes: %+v", s)
	}
}
