package method

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

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
