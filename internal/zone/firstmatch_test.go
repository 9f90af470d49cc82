package zone

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/table"
)

// TestGradeFirstMatch checks the [[grade]] semantics of item 3: bands are
// tried from the top and the first one a record meets wins; min_score and
// max_rank bands mix; a band with both needs both; a band with neither
// catches all; a band below an unreachable one is never given.
func TestGradeFirstMatch(t *testing.T) {
	mixed := []method.Grade{
		{Name: "优秀", MinScore: nan, MaxRank: 1},  // group rank ≤ 1
		{Name: "良好", MinScore: 80, MaxRank: nan}, // score ≥ 80
		{Name: "合格", MinScore: 60, MaxRank: 3},   // score ≥ 60 and rank ≤ 3
		{Name: "基本合格", MinScore: nan, MaxRank: nan},
	}
	// Group g, scores 90 85 85 70 65 → ranks 1 2 2 4 5 (1, 2, 2, 4).
	// a: rank 1 → 优秀. b, c: rank 2, 85 ≥ 80 → 良好. d: 70 < 80; 70 ≥ 60
	// but rank 4 > 3 → 基本合格. e: rank 5 → 基本合格.
	// Group h: x scores 50 (rank 1) → 优秀 although its score is the
	// lowest of all: the first band that matches wins. y has no score and
	// rank 2: 优秀 fails on the rank, 良好 needs the score → an error
	// (tested below); z has no score, rank 1 → 优秀 without the score.
	h := hist(t, `period,unit,group,group_rank,score,grade
2021,a,g,,90,
2021,b,g,,85,
2021,c,g,,85,
2021,d,g,,70,
2021,e,g,,65,
2021,x,h,,50,
2022,z,h,1,,
`, mixed)
	got := map[string]string{}
	for _, r := range h.Records {
		got[r.Unit] = r.Grade
	}
	want := map[string]string{"a": "优秀", "b": "良好", "c": "良好", "d": "基本合格", "e": "基本合格", "x": "优秀", "z": "优秀"}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}

	// Out of order: 合格 ≥ 60 comes first, so 优秀 ≥ 90 is never given
	// (the first match from the top wins; the author chose so).
	h = hist(t, "period,unit,group,group_rank,score,grade\n2021,a,g,,95,\n2021,b,g,,59,\n", []method.Grade{
		{Name: "合格", MinScore: 60, MaxRank: nan}, {Name: "优秀", MinScore: 90, MaxRank: nan}})
	if g := []string{h.Records[0].Grade, h.Records[1].Grade}; g[0] != "合格" || g[1] != "" {
		t.Errorf("out of order: got %q, want [合格 \"\"]", g)
	}

	// y: no score, rank 2 and no grade: the score is needed by 良好.
	tb, err := table.Read("h.csv", strings.NewReader("period,unit,group,group_rank,score,grade\n2021,y,h,2,,\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ReadHistory(tb, mixed); err == nil || !strings.Contains(err.Error(), "h.csv:2:5:") {
		t.Errorf("y: got %v, want an error at h.csv:2:5 (score)", err)
	}
}
