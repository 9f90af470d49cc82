package method

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var approx = cmp.Options{cmpopts.EquateNaNs(), cmpopts.EquateApprox(0, 1e-9)}

func mustParse(t *testing.T, src string) *Method {
	t.Helper()
	m, err := Parse("t.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// awardsMethod: two types; x by efficacy, y by completion (weight 3 under
// 乙); events; three awards.
const awardsMethod = `decimals = 2
overall = "primary"
[[type]]
name = "甲"
[[type]]
name = "乙"
[[node]]
code = "total"
[[node]]
code = "a"
parent = "total"
weight = 1
[[indicator]]
code = "x"
parent = "a"
weight = 1
[[indicator]]
code = "y"
parent = "a"
weight = 1
weights = { "乙" = 3 }
[indicator.score]
rule = "completion"
cap = 1.2
[[event]]
type = "事故"
effect = "deduct"
points = 1
max = 3
[[event]]
type = "否决"
effect = "veto"
[[award]]
name = "十强"
kind = "overall"
count = 2
[[award]]
name = "先进"
kind = "per_type"
count = 1
[[award]]
name = "进步"
kind = "rise"
count = 1
exclude_kinds = ["市辖区"]
[[grade]]
name = "优秀"
min_score = 95
[[grade]]
name = "良好"
min_score = 80
[[grade]]
name = "合格"
`

// awardsInput: 620102 is a district (市辖区), 620121 declares two types,
// 620181 is new (no previous rank).
//
//	x: 10, 6, 2, 8 → efficacy 100, 80, 60, 90
//	y/target: 8/10, 15/10, 5/5, 10/20 → 80, 120 (capped), 100, 50
//	甲 (x 1, y 1): 620102 90, 620121 100, 620181 70
//	乙 (x 1, y 3): 620121 (80 + 360)/4 = 110, 620122 (60 + 300)/4 = 90
func awardsInput(events ...Event) Input {
	d := newData([]string{"620102", "620121", "620122", "620181"},
		[][]string{{"甲"}, {"甲", "乙"}, {"乙"}, {"甲"}},
		map[string][]float64{"x": {10, 6, 2, 8}, "y": {8, 15, 5, 10}})
	return Input{Data: d, Events: events,
		Targets:  Targets{"y": {"620102": 10, "620121": 10, "620122": 5, "620181": 20}},
		Previous: &Previous{Rank: map[string]float64{"620102": 4, "620121": 2, "620122": 3}}}
}

func ev(unit, typ string) Event { return Event{Unit: unit, Type: typ, Date: "2022-05-01"} }

func TestRunAwards(t *testing.T) {
	type winners map[string][]string // award (and type) → unit codes
	tests := []struct {
		name      string
		overall   string
		events    []Event
		score     []float64
		rank      []float64
		change    []float64
		winners   winners
		skipped   map[string][]string
		ties      int // tie warnings
		grades    []string
		typeScore map[string][]float64
		distinct  bool
	}{
		{
			// 620121 loses 2 points (98 under 甲, 108 under 乙); 620102 is
			// vetoed inside the top 2, so 620122 (tied with it) fills the
			// place; for 进步 the vetoed district is skipped and 620121 and
			// 620122 tie at +1: both win. 620181 is new: no rise.
			name: "veto inside the top places", overall: "primary",
			events:    []Event{ev("620121", "事故"), ev("620121", "事故"), ev("620102", "否决")},
			score:     []float64{90, 98, 90, 70},
			rank:      []float64{2, 1, 2, 4},
			change:    []float64{2, 1, 1, math.NaN()},
			winners:   winners{"十强": {"620121", "620122"}, "先进/甲": {"620121"}, "先进/乙": {"620121"}, "进步": {"620121", "620122"}},
			skipped:   map[string][]string{"十强": {"620102"}, "进步": {"620102"}},
			ties:      1,
			grades:    []string{"良好", "优秀", "良好", "合格"},
			typeScore: map[string][]float64{"甲": {90, 98, 70}, "乙": {108, 90}},
		},
		{
			// No veto: 620102 and 620122 tie at the 2nd place and both win
			// 十强 (3 winners); the district is ineligible for 进步.
			name: "tie at the cut-off and an ineligible district", overall: "primary",
			events:  []Event{ev("620121", "事故"), ev("620121", "事故"), ev("620121", "事故"), ev("620121", "事故")},
			score:   []float64{90, 97, 90, 70}, // the 4th accident is beyond the cap of 3
			rank:    []float64{2, 1, 2, 4},
			change:  []float64{2, 1, 1, math.NaN()},
			winners: winners{"十强": {"620121", "620102", "620122"}, "先进/甲": {"620121"}, "先进/乙": {"620121"}, "进步": {"620121", "620122"}},
			skipped: map[string][]string{"进步": {"620102"}},
			ties:    2,
			grades:  []string{"良好", "优秀", "良好", "合格"},
		},
		{
			// 先进 once per unit: 620121 keeps it in its primary type 甲
			// and 620122 takes 乙.
			name: "per-type award won once", overall: "primary", distinct: true,
			score:   []float64{90, 100, 90, 70},
			rank:    []float64{2, 1, 2, 4},
			change:  []float64{2, 1, 1, math.NaN()},
			winners: winners{"十强": {"620121", "620102", "620122"}, "先进/甲": {"620121"}, "先进/乙": {"620122"}, "进步": {"620121", "620122"}},
			skipped: map[string][]string{"先进/乙": {"620121"}, "进步": {"620102"}},
			ties:    2,
			grades:  []string{"良好", "优秀", "良好", "合格"},
		},
		{
			// The two-type unit's overall score is the better type score.
			name: "overall max", overall: "max",
			score:   []float64{90, 110, 90, 70},
			rank:    []float64{2, 1, 2, 4},
			change:  []float64{2, 1, 1, math.NaN()},
			winners: winners{"十强": {"620121", "620102", "620122"}, "先进/甲": {"620121"}, "先进/乙": {"620121"}, "进步": {"620121", "620122"}},
			skipped: map[string][]string{"进步": {"620102"}},
			ties:    2,
			grades:  []string{"良好", "优秀", "良好", "合格"},
		},
		{
			name: "overall mean", overall: "mean",
			score:   []float64{90, 105, 90, 70},
			rank:    []float64{2, 1, 2, 4},
			change:  []float64{2, 1, 1, math.NaN()},
			winners: winners{"十强": {"620121", "620102", "620122"}, "先进/甲": {"620121"}, "先进/乙": {"620121"}, "进步": {"620121", "620122"}},
			skipped: map[string][]string{"进步": {"620102"}},
			ties:    2,
			grades:  []string{"良好", "优秀", "良好", "合格"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// These cases share ties (the rule before ties = "break"):
			// TestAwardTies covers the default.
			src := strings.Replace(awardsMethod, `overall = "primary"`, `overall = "`+tc.overall+`"`, 1)
			src = strings.ReplaceAll(src, "\ncount = ", "\nties = \"share\"\ncount = ")
			if tc.distinct {
				src = strings.Replace(src, `kind = "per_type"`, "kind = \"per_type\"\ndistinct = true", 1)
			}
			m := mustParse(t, src)
			o, err := Run(m, awardsInput(tc.events...))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.score, o.Overall, approx); d != "" {
				t.Errorf("overall (-want +got)\n%s", d)
			}
			if d := cmp.Diff(tc.rank, o.Rank, approx); d != "" {
				t.Errorf("rank (-want +got)\n%s", d)
			}
			if d := cmp.Diff(tc.change, o.RankChange, approx); d != "" {
				t.Errorf("rank change (-want +got)\n%s", d)
			}
			got, skipped := winners{}, map[string][]string{}
			for _, a := range o.Awards {
				key := a.Award.Name
				if a.Type != "" {
					key += "/" + a.Type
				}
				for _, u := range a.Winners {
					got[key] = append(got[key], o.Units[u].Code)
				}
				for _, s := range a.Skipped {
					skipped[key] = append(skipped[key], o.Units[s.Unit].Code)
				}
			}
			if d := cmp.Diff(tc.winners, got); d != "" {
				t.Errorf("winners (-want +got)\n%s", d)
			}
			if d := cmp.Diff(tc.skipped, skipped, cmpopts.EquateEmpty()); d != "" {
				t.Errorf("skipped (-want +got)\n%s", d)
			}
			ties := 0
			for _, w := range o.Warnings {
				if w.Kind == "tie" {
					ties++
				}
			}
			if ties != tc.ties {
				t.Errorf("%d tie warnings, want %d", ties, tc.ties)
			}
			if d := cmp.Diff(tc.grades, o.Grades); d != "" {
				t.Errorf("grades (-want +got)\n%s", d)
			}
			for typ, want := range tc.typeScore {
				for _, tr := range o.Types {
					if tr.Type == typ {
						if d := cmp.Diff(want, tr.Score, approx); d != "" {
							t.Errorf("type %s scores (-want +got)\n%s", typ, d)
						}
					}
				}
			}
		})
	}
}

func TestRunWithoutPreviousOrTargets(t *testing.T) {
	m := mustParse(t, awardsMethod)
	in := awardsInput()
	in.Previous, in.Targets = nil, nil
	o, err := Run(m, in)
	if err != nil {
		t.Fatal(err)
	}
	if o.RankChange != nil {
		t.Errorf("rank change without a previous result: %v", o.RankChange)
	}
	kinds := map[string]int{}
	for _, w := range o.Warnings {
		kinds[w.Kind]++
	}
	// 进步 cannot be awarded; y has no target and no fallback.
	if kinds["norise"] != 1 || kinds["notarget"] == 0 {
		t.Errorf("warnings %v", kinds)
	}
	// y is missing for everyone, so the total is x's score alone.
	if d := cmp.Diff([]float64{100, 80, 60, 90}, o.Overall, approx); d != "" {
		t.Errorf("overall (-want +got)\n%s", d)
	}
}
