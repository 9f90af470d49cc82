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

// rulesMethod has one type and one indicator per rule; hand-computed
// expectations are in TestRunRules.
const rulesMethod = `decimals = 2
[[type]]
name = "甲"
[[node]]
code = "total"
[[node]]
code = "a"
parent = "total"
weight = 1
[[indicator]]
code = "z"
parent = "a"
weight = 1
[indicator.score]
rule = "level_growth"
growth = "g"
level_weight = 40
growth_weight = 60
[indicator.score.growth_rule]
rule = "average_diff"
base = 80
above = 1
below = 1
unit = 1
[[indicator]]
code = "g"
source = "official_rate"
[[indicator]]
code = "r"
parent = "a"
weight = 1
[indicator.score]
rule = "rank"
step = 5
[[indicator]]
code = "p"
parent = "a"
weight = 1
[indicator.score]
rule = "panel"
full = 50
[[indicator]]
code = "q"
direction = -1
parent = "a"
weight = 1
[indicator.score]
rule = "all_or_nothing"
target = 7
zero = 60
[[indicator]]
code = "n"
parent = "a"
weight = 1
[indicator.score]
rule = "normalise"
method = "minmax"
params = [0, 100]
[[indicator]]
code = "e"
direction = -1
parent = "a"
weight = 1
[indicator.score]
satisfactory = 100
unacceptable = 300
[[indicator]]
code = "num"
[[indicator]]
code = "den"
[[indicator]]
code = "pc"
source = "per_capita"
numerator = "num"
denominator = "den"
factor = 10000
[[indicator]]
code = "fg"
source = "growth"
numerator = "num"
base = "den"
`

func newData(codes []string, types [][]string, cols map[string][]float64) *Data {
	d := &Data{Values: cols}
	for i, c := range codes {
		d.Units = append(d.Units, Unit{Code: c, Name: "单位" + c, Types: types[i]})
	}
	return d
}

func TestRunRules(t *testing.T) {
	m := mustParse(t, rulesMethod)
	one := []string{"甲"}
	d := newData([]string{"A", "B", "C"}, [][]string{one, one, one}, map[string][]float64{
		"z": {10, 20, 30}, "g": {5, 7, 9}, "r": {3, 3, 1}, "p": {40, 25, 50}, "q": {6, 7, 8},
		"n": {1, 2, 3}, "e": {80, 200, 350}, "num": {2, 3, 0}, "den": {1, 4, 0},
	})
	o, err := Run(m, Input{Data: d})
	if err != nil {
		t.Fatal(err)
	}
	raw := o.Stages[0].Data
	scored := o.Stages[len(o.Stages)-1].Data
	tests := []struct {
		name string
		got  []float64
		want []float64
	}{
		// per capita 2·10000/1, 3·10000/4; 0/0 is missing.
		{"derived per capita", raw.Col("pc"), []float64{20000, 7500, math.NaN()}},
		// (2/1 − 1)·100, (3/4 − 1)·100; base 0 is missing.
		{"derived growth", raw.Col("fg"), []float64{100, -25, math.NaN()}},
		// level efficacy 60, 80, 100; growth 80 ± 1 per point from the mean 7:
		// 78, 80, 82; combined 0.4·level + 0.6·growth.
		{"level and growth", scored.Col("z"), []float64{70.8, 80, 89.2}},
		// places 1, 1, 3: 100, 100, 90.
		{"rank", scored.Col("r"), []float64{100, 100, 90}},
		{"panel out of 50", scored.Col("p"), []float64{80, 50, 100}},
		// less is better, target 7: 6 and 7 meet it.
		{"all or nothing", scored.Col("q"), []float64{100, 100, 60}},
		{"engine minmax", scored.Col("n"), []float64{0, 50, 100}},
		// fixed standards 100 (good) and 300 (bad), clamped to 60–100:
		// 80 → 104 → 100; 200 → 80; 350 → 50 → 60.
		{"efficacy fixed, less is better", scored.Col("e"), []float64{100, 80, 60}},
		// mean of the six scores.
		{"total", o.Overall, []float64{
			round((70.8+100+80+100+0+100)/6, 2), round((80+100+50+100+50+80)/6.0, 2), round((89.2+90+100+60+100+60)/6, 2)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.got, approx); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestRound(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		d    int
		want float64
	}{{2.675, 2, 2.68}, {-2.675, 2, -2.68}, {1.005, 2, 1.01}, {85.12499, 2, 85.12}, {7, 2, 7}, {3.14159, -1, 3.14159}} {
		if got := round(tc.v, tc.d); got != tc.want {
			t.Errorf("round(%v, %d) = %v, want %v", tc.v, tc.d, got, tc.want)
		}
	}
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
			m := mustParse(t, strings.Replace(awardsMethod, `overall = "primary"`, `overall = "`+tc.overall+`"`, 1))
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
