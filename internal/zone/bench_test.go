package zone

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/table"
)

// benchHistory is 500 zones in 10 groups over 10 years, scores drawn at
// random (seeded), as a history CSV.
func benchHistory() []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	b.WriteString("period,unit,group,group_rank,score,grade\n")
	for y := 2015; y < 2025; y++ {
		for z := 0; z < 500; z++ {
			fmt.Fprintf(&b, "%d,Z%03d,G%d,,%.1f,\n", y, z, z%10, 60+40*rng.Float64())
		}
	}
	return b.Bytes()
}

var benchRules = []method.Management{
	{Kind: "bottom", Count: 5, Share: nan, Times: 2, Within: 3, Action: "降级预警", ThenAverageYears: 2, ThenCount: 2},
	{Kind: "bottom", Share: 0.1, Times: 3, Within: 5, Action: "退出预警", ExemptNewYears: 2, ExemptMerging: true},
	{Kind: "top", Count: 3, Times: 1, Within: 1, Share: nan, Action: "升级推荐"},
}

// BenchmarkAssess500x10 reads, completes and assesses the history: the
// issue's target is under 0.5 s.
func BenchmarkAssess500x10(b *testing.B) {
	src := benchHistory()
	grades := []method.Grade{{Name: "优秀", MinScore: 90, MaxRank: nan}, {Name: "良好", MinScore: 80, MaxRank: nan}, {Name: "合格", MinScore: nan, MaxRank: nan}}
	for b.Loop() {
		t, err := table.Read("h.csv", bytes.NewReader(src))
		if err != nil {
			b.Fatal(err)
		}
		h, err := ReadHistory(t, grades)
		if err != nil {
			b.Fatal(err)
		}
		res, err := Assess(h, benchRules, Changes{}, "2024")
		if err != nil || len(res) != 500 {
			b.Fatal(err, len(res))
		}
	}
}

// BenchmarkAssessEveryYear assesses all ten years of the completed
// history, as the zone pages will.
func BenchmarkAssessEveryYear(b *testing.B) {
	t, _ := table.Read("h.csv", strings.NewReader(string(benchHistory())))
	h, err := ReadHistory(t, []method.Grade{{Name: "优秀", MinScore: 90, MaxRank: nan}})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for _, p := range h.Periods {
			if _, err := Assess(h, benchRules, Changes{}, p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
