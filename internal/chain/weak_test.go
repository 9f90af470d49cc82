package chain

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/invest"
)

func TestWithin(t *testing.T) {
	for _, tc := range []struct {
		county, place string
		want          bool
	}{
		{"620622", "620000", true},
		{"620622", "620600", true},
		{"620622", "620622", true},
		{"620721", "620600", false},
		{"620200", "620200", true}, // 嘉峪关: a prefecture-level place without counties
		{"620200", "620000", true},
		{"630102", "620000", false},
		{"", "620000", false},
	} {
		if got := Within(tc.county, tc.place); got != tc.want {
			t.Errorf("Within(%s, %s) = %v, want %v", tc.county, tc.place, got, tc.want)
		}
	}
}

func TestAssess(t *testing.T) {
	c := metals() // MinLocal 2, pipeline needed, supply ≥ 0.3
	es := []Enterprise{
		{USCC: "a", Industry: "B0911", County: "620302", Output: 100},  // N1 in 金昌 (6203)
		{USCC: "b", Industry: "B0912", County: "620321", Output: 50},   // N1 in 金昌
		{USCC: "c", Industry: "C3211", County: "620302", Output: 1000}, // N2 in 金昌
		{USCC: "d", Industry: "C3311", County: "620302", Output: 20},   // N4 (C331 beats C33)
		{USCC: "e", Industry: "C3320", County: "620302", Output: 30},   // N3
		{USCC: "f", Industry: "C3211", County: "620102", Output: 500},  // N2 but in 兰州: outside 6203
		{USCC: "g", Industry: "C4411", County: "620302", Output: 9},    // no node
	}
	ps := []Project{
		{ID: "P1", County: "620302", Industry: "B0911", Stage: invest.StageTalks},                             // N1 pipeline
		{ID: "P2", County: "620302", Industry: "C3211", Stage: invest.StageProducing},                         // N2 but finished: not pipeline
		{ID: "P3", County: "620302", Industry: "C3211", Stage: invest.StageTerminated},                        // not pipeline
		{ID: "P4", County: "620321", Industry: "C4411", Chain: "YS", Node: "N2", Stage: invest.StageSigned},   // explicit N2
		{ID: "P5", County: "620302", Industry: "C3311", Chain: "XNY", Node: "N4", Stage: invest.StageStarted}, // another chain's: ignored
		{ID: "P6", County: "620302", Industry: "C3320", Stage: invest.StageLead},                              // 线索 is not pipeline
		{ID: "P7", County: "620102", Industry: "C3320", Stage: invest.StageRegistered},                        // outside 6203
	}
	supply := []Supply{{Node: "N2", Place: "620300", Ratio: 0.25}, {Node: "N1", Place: "620300", Ratio: 0.5},
		{Node: "N3", Place: "620000", Ratio: 0.1}} // the last is another place's
	got := Assess(c, "620300", es, ps, supply)
	want := []Stat{
		// N1: 2 enterprises (a, b) = MinLocal, output 100+50 = 150, P1 in pipeline, supply 0.5 ≥ 0.3: strong.
		{Node: "N1", Enterprises: 2, Output: 150, Pipeline: []string{"P1"}, Supply: 0.5, HasSupply: true},
		// N2: 1 enterprise (c; f is in 兰州) < 2, P4 by its explicit node, supply 0.25 < 0.3.
		{Node: "N2", Enterprises: 1, Output: 1000, Pipeline: []string{"P4"}, Supply: 0.25, HasSupply: true,
			Reasons: []Reason{ReasonFewLocal, ReasonLowSupply}},
		// N3: 1 enterprise (e), no pipeline (P6 a lead, P7 outside), no supply reported for 620300.
		{Node: "N3", Enterprises: 1, Output: 30, Reasons: []Reason{ReasonFewLocal, ReasonNoPipeline}},
		// N4: 1 enterprise (d), P5 placed on another chain.
		{Node: "N4", Enterprises: 1, Output: 20, Reasons: []Reason{ReasonFewLocal, ReasonNoPipeline}},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Assess(620300) (-want +got):\n%s", d)
	}

	t.Run("county", func(t *testing.T) {
		// In 620321 alone: b (N1) and P4 (N2); MinLocal 1 and no pipeline rule.
		c.Rules = Rules{MinLocal: 1}
		got := Assess(c, "620321", es, ps, nil)
		weak := map[string]bool{}
		for _, s := range got {
			weak[s.Node] = s.Weak()
		}
		if d := cmp.Diff(map[string]bool{"N1": false, "N2": true, "N3": true, "N4": true}, weak); d != "" {
			t.Errorf("weak nodes in 620321 (-want +got):\n%s", d)
		}
	})

	t.Run("weak only for want of a pipeline project", func(t *testing.T) {
		c := metals()
		es := []Enterprise{{Industry: "C3320", County: "620302"}, {Industry: "C3399", County: "620302"}}
		before := Assess(c, "620302", es, nil, nil)[2]
		if d := cmp.Diff([]Reason{ReasonNoPipeline}, before.Reasons); d != "" {
			t.Fatalf("N3 before (-want +got):\n%s", d)
		}
		ps := []Project{{ID: "NEW", County: "620302", Chain: "YS", Node: "N3", Stage: invest.StageSigned}}
		if after := Assess(c, "620302", es, ps, nil)[2]; after.Weak() {
			t.Errorf("N3 with a signed project is still weak: %v", after.Reasons)
		}
	})
}
