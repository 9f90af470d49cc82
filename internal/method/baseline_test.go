package method

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRiseBaseline(t *testing.T) {
	// This year x 90, 80, 70: ranks 1, 2, 3. Published last year: 3, 1,
	// 2, so rises +2, −1, −1 and 进步 goes to 620121. Last year's data
	// (x 95, 60, 85) re-scored under this method ranks 1, 3, 2: rises 0,
	// +1, −1, and 进步 goes to 620122.
	const aw = "[[award]]\nname = \"进步\"\nkind = \"rise\"\ncount = 1\n"
	codes := []string{"620121", "620122", "620123"}
	types := [][]string{{"甲"}, {"甲"}, {"甲"}}
	for _, tc := range []struct {
		baseline string
		want     string
	}{{"published", "620121"}, {"rescored", "620122"}} {
		t.Run(tc.baseline, func(t *testing.T) {
			m := mustParse(t, "rise_baseline = \""+tc.baseline+"\"\n"+tieMethod+aw)
			last, err := Rescore(m, Input{Data: newData(codes, types, map[string][]float64{"x": {95, 60, 85}})})
			if err != nil {
				t.Fatal(err)
			}
			o, err := Run(m, Input{Data: newData(codes, types, map[string][]float64{"x": {90, 80, 70}}),
				Previous: &Previous{Rank: map[string]float64{"620121": 3, "620122": 1, "620123": 2}}, Rescored: last})
			if err != nil {
				t.Fatal(err)
			}
			if got := winnersOf(o)["进步"]; !cmp.Equal(got, []string{tc.want}) {
				t.Errorf("进步 %v, want %s", got, tc.want)
			}
			// Both baselines are recorded whichever ranks 进步.
			if d := cmp.Diff([]float64{2, -1, -1}, o.ChangePublished); d != "" {
				t.Errorf("published change (-want +got)\n%s", d)
			}
			if d := cmp.Diff([]float64{0, 1, -1}, o.ChangeRescored); d != "" {
				t.Errorf("rescored change (-want +got)\n%s", d)
			}
		})
	}
	t.Run("rescored without last year's data", func(t *testing.T) {
		m := mustParse(t, "rise_baseline = \"rescored\"\n"+tieMethod+aw)
		o, err := Run(m, Input{Data: newData(codes, types, map[string][]float64{"x": {90, 80, 70}}),
			Previous: &Previous{Rank: map[string]float64{"620121": 3}}})
		if err != nil {
			t.Fatal(err)
		}
		if o.RankChange != nil || !hasWarning(o, "norescore", "") || len(winnersOf(o)) != 0 {
			t.Errorf("change %v, warnings %v", o.RankChange, o.Warnings)
		}
	})
}

func TestCliffs(t *testing.T) {
	// x all-or-nothing (target 5: 100, else 60), y a panel score, equal
	// weights: total = (score_x + y)/2.
	m := mustParse(t, tieMethod+`[[indicator]]
code = "z"
parent = "total"
weight = 1
[indicator.score]
rule = "all_or_nothing"
target = 5
zero = 60
`)
	// z 4.99, 6, 10: range 5.01, 1 % = 0.0501. 620121 at 4.99 + 0.0501
	// reaches the target: z's score jumps 60 → 100 and the total by
	// 40/2 = 20 points. 620122 (6 − 0.0501) and 620123 stay above it.
	// x 50, 60, 70: range 20, 1 % = 0.2 moves the total by 0.1 < 0.5.
	d := newData([]string{"620121", "620122", "620123"}, [][]string{{"甲"}, {"甲"}, {"甲"}},
		map[string][]float64{"x": {50, 60, 70}, "z": {4.99, 6, 10}})
	got, err := Cliffs(m, Input{Data: d})
	if err != nil {
		t.Fatal(err)
	}
	want := []Cliff{{Indicator: "z", Rule: RuleAllOrNothing, Unit: "620121", Value: 4.99, Delta: 0.0501, Move: 20}}
	if d := cmp.Diff(want, got, approx); d != "" {
		t.Errorf("cliffs (-want +got)\n%s", d)
	}
	if d.Values["z"][0] != 4.99 || math.IsNaN(d.Values["x"][0]) {
		t.Errorf("the data was changed: %v", d.Values)
	}
}
