package method

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sampleMethod scores one indicator three ways: over every unit, and over
// the units of the scored unit's primary type (efficacy, average_diff and
// rank); hand-computed expectations are in TestSampleType.
const sampleMethod = `decimals = 2
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
code = "all"
parent = "a"
weight = 1
[[indicator]]
code = "eff"
parent = "a"
weight = 1
[indicator.score]
rule = "efficacy"
sample = "type"
[[indicator]]
code = "avg"
parent = "a"
weight = 1
[indicator.score]
rule = "average_diff"
sample = "type"
base = 80
above = 1
below = 1
unit = 1
[[indicator]]
code = "rk"
parent = "a"
weight = 1
[indicator.score]
rule = "rank"
sample = "type"
step = 5
`

func TestSampleType(t *testing.T) {
	m := mustParse(t, sampleMethod)
	a, b, ab := []string{"甲"}, []string{"乙"}, []string{"甲", "乙"}
	// Units A, B, C are of primary type 甲 (C also declares 乙), D and E of 乙.
	x := []float64{10, 20, 40, 100, 300}
	d := newData([]string{"A", "B", "C", "D", "E"}, [][]string{a, a, ab, b, b}, map[string][]float64{
		"all": x, "eff": x, "avg": x, "rk": x,
	})
	o, err := Run(m, Input{Data: d})
	if err != nil {
		t.Fatal(err)
	}
	scored := o.Stages[len(o.Stages)-1].Data
	tests := []struct {
		name string
		got  []float64
		want []float64
	}{
		// Over all five units (min 10, max 300): 60 + 40·(x − 10)/290:
		// 60, 61.379…, 64.137…, 72.413…, 100. Treatment leaves five points alone.
		{"efficacy over all units", scored.Col("all"), []float64{60, 60 + 40*10/290.0, 60 + 40*30/290.0, 60 + 40*90/290.0, 100}},
		// 甲 (A, B, C; C's primary type is 甲): min 10, max 40 → 60, 60 + 40·10/30 = 73.33…, 100;
		// 乙 (D, E): min 100, max 300 → 60, 100.
		{"efficacy within the primary type", scored.Col("eff"), []float64{60, 60 + 40*10/30.0, 100, 60, 100}},
		// 甲 mean (10 + 20 + 40)/3 = 23.33…: 80 + (x − 23.33…) = 66.67, 76.67, 96.67;
		// 乙 mean 200: 80 − 100 = −20, 80 + 100 = 180.
		{"average within the primary type", scored.Col("avg"), []float64{80 - 40/3.0, 80 - 10/3.0, 80 + 50/3.0, -20, 180}},
		// 甲 places 3, 2, 1 → 90, 95, 100; 乙 places 2, 1 → 95, 100.
		{"rank within the primary type", scored.Col("rk"), []float64{90, 95, 100, 95, 100}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.got, approx); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
	t.Run("unknown sample", func(t *testing.T) {
		if _, err := Parse("m.toml", []byte(`[[type]]
name = "甲"
[[node]]
code = "total"
[[indicator]]
code = "x"
parent = "total"
weight = 1
[indicator.score]
rule = "efficacy"
sample = "prefecture"
`)); err == nil {
			t.Error("sample = \"prefecture\" was accepted")
		}
	})
}
