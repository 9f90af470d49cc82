package method

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sampleMethod scores one indicator four ways: over every unit, and over
// the units declaring the type the unit is scored in (efficacy,
// average_diff and rank); hand-computed expectations are in TestSampleType.
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
		// Each unit in the sample of its primary type's declarers.
		// 甲 (A, B, C): min 10, max 40 → 60, 60 + 40·10/30 = 73.33…, 100;
		// 乙 (C, D, E; C declares 乙 too): min 40, max 300 → D 60 + 40·60/260 = 69.23…, E 100.
		{"efficacy within the primary type", scored.Col("eff"), []float64{60, 60 + 40*10/30.0, 100, 60 + 40*60/260.0, 100}},
		// 甲 mean (10 + 20 + 40)/3 = 23.33…: 80 + (x − 23.33…) = 66.67, 76.67, 96.67;
		// 乙 mean (40 + 100 + 300)/3 = 146.67…: D 80 − 46.67 = 33.33, E 80 + 153.33 = 233.33.
		{"average within the primary type", scored.Col("avg"), []float64{80 - 40/3.0, 80 - 10/3.0, 80 + 50/3.0, 80 + 100 - 440/3.0, 80 + 300 - 440/3.0}},
		// 甲 places 3, 2, 1 → 90, 95, 100; 乙 places D 2, E 1 (C 3rd) → 95, 100.
		{"rank within the primary type", scored.Col("rk"), []float64{90, 95, 100, 95, 100}},
		// C in type 乙 is scored in 乙's sample: all 64.137…, eff 60 (the
		// smallest of 40, 100, 300), avg 80 + (40 − 146.67) = −26.67, rank
		// 3rd → 90; the type score is their mean.
		{"second type in its own sample", []float64{o.Types[1].Exact[0]},
			[]float64{(60 + 40*30/290.0 + 60 + 80 + 40 - 440/3.0 + 90) / 4}},
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
