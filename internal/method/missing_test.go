package method

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// missingMethod has one indicator per missing rule, all under total.
const missingMethod = `[[type]]
name = "甲"
[[type]]
name = "乙"
[[node]]
code = "total"
[[indicator]]
code = "a"
parent = "total"
weight = 1
missing = "unacceptable"
[indicator.score]
rule = "efficacy"
satisfactory = 100
unacceptable = 0
[[indicator]]
code = "b"
parent = "total"
weight = 1
missing = "unacceptable"
[indicator.score]
rule = "all_or_nothing"
target = 5
zero = 40
[[indicator]]
code = "c"
parent = "total"
weight = 1
missing = "unacceptable"
[indicator.score]
rule = "rank"
full = 100
step = 10
[[indicator]]
code = "d"
parent = "total"
weight = 1
missing = "unacceptable"
[indicator.score]
rule = "average_diff"
base = 80
above = 1
below = 1
unit = 1
floor = 50
[[indicator]]
code = "e"
parent = "total"
weight = 1
reported_by = "county"
[indicator.score]
rule = "panel"
[[indicator]]
code = "f"
parent = "total"
weight = 1
missing = "spread"
not_applicable = ["乙"]
[indicator.score]
rule = "panel"
[[indicator]]
code = "g"
parent = "total"
weight = 1
missing = "impute"
[indicator.score]
rule = "panel"
`

func TestMissingRules(t *testing.T) {
	m := mustParse(t, missingMethod)
	nan := math.NaN()
	// 620123 (乙) misses everything; 620122 (甲) misses f only.
	d := newData([]string{"620121", "620122", "620123"}, [][]string{{"甲"}, {"甲"}, {"乙"}}, map[string][]float64{
		"a": {50, 100, nan}, "b": {6, 4, nan}, "c": {3, 2, nan}, "d": {10, 12, nan},
		"e": {70, 80, nan}, "f": {90, nan, nan}, "g": {40, 60, nan}})
	o, err := Run(m, Input{Data: d})
	if err != nil {
		t.Fatal(err)
	}
	var scored map[string][]float64
	for _, st := range o.Stages {
		if st.Name == StageScored {
			scored = map[string][]float64{}
			for c, code := range st.Data.Cols {
				scored[code] = st.Data.Vals[c]
			}
		}
	}
	want := map[string][]float64{
		// efficacy 60 + 40·(x − 0)/100: 80, 100; missing → the low score 60.
		"a": {80, 100, 60},
		// all or nothing (target 5): 100, 40; missing → zero, 40.
		"b": {100, 40, 40},
		// rank 100, 90; missing → the last of 3 places, 100 − 2 × 10 = 80.
		"c": {100, 90, 80},
		// average 11: 80 − 1 = 79, 80 + 1 = 81; missing → floor 50.
		"d": {79, 81, 50},
		// reported by the county: missing scores 0 (不得分).
		"e": {70, 80, 0},
		// not applicable to 乙: 620123's weight is spread; 620122 (甲)
		// owes it: not scored, and warned as owed.
		"f": {90, nan, nan},
		// imputed with the mean of 40 and 60.
		"g": {40, 60, 50},
	}
	if d := cmp.Diff(want, scored, approx); d != "" {
		t.Errorf("scores (-want +got)\n%s", d)
	}
	if !hasWarning(o, "owed", "620122") || hasWarning(o, "owed", "620123") || !hasWarning(o, "missing", "620123") {
		t.Errorf("warnings %v", o.Warnings)
	}
}
