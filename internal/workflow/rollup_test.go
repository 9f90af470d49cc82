package workflow

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qiangxian/qiangxian/internal/locale"
)

func TestEvaluateRollup(t *testing.T) {
	rules := []Rule{
		{ID: 1, Name: "市州合计", Kind: KindRollup, Severity: Hard, Indicator: "gdp", Threshold: 0.005, Enabled: true},
		{ID: 2, Name: "零售合计", Kind: KindRollup, Severity: Hard, Indicator: "retail", Threshold: 0.02, Enabled: true},
	}
	in := Input{
		Figures: []Figure{
			{"P1", "gdp", 300},           // 100 + 150 + 51 = 301: 1/300 = 0.33 % ≤ 0.5 %: passes
			{"P2", "gdp", 200},           // 90 + 100 = 190: 10/200 = 5 % > 0.5 %: about P2
			{"c5", "retail", 45},         // P3 reports 100, 45 + 50 = 95: 5 % > 2 %: about c5 (P3 stored)
			{"c7", "gdp", 10},            // P4's other county has no figure: not judged
			{"P5", "retail", math.NaN()}, // NA: not judged
		},
		Stored: map[Key]float64{
			{"c1", "gdp"}: 100, {"c2", "gdp"}: 150, {"c3", "gdp"}: 51,
			{"c4", "gdp"}: 90, {"c6", "gdp"}: 100,
			{"P3", "retail"}: 100, {"c8", "retail"}: 50,
			{"P4", "gdp"}:    30,
			{"c9", "retail"}: 1,
		},
		Children: map[string][]string{
			"P1": {"c1", "c2", "c3"}, "P2": {"c4", "c6"}, "P3": {"c5", "c8"}, "P4": {"c7", "c10"}, "P5": {"c9"},
		},
	}
	var got []finding
	for _, f := range Evaluate(rules, in) {
		got = append(got, finding{f.RuleID, f.Unit, f.Indicator, f.Msg.In(locale.ZH)})
	}
	want := []finding{
		{1, "P2", "gdp", "P2 的 gdp 为 200，所辖 2 个单位之和为 190，相差 5%，超过 0.5%（规则：市州合计）"},
		{2, "c5", "retail", "P3 的 retail 为 100，所辖 2 个单位之和为 95，相差 5%，超过 2%（规则：零售合计）"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got)\n%s", d)
	}
}

func TestEvaluateGrowthGap(t *testing.T) {
	// Industrial value added against industrial electricity use: the gap
	// of their growth rates must lie within [−5, 8] points.
	rules := []Rule{{ID: 1, Name: "工业增加值与用电", Kind: KindGrowthGap, Severity: Soft, Indicator: "ind_va", Other: "ind_power",
		Lo: -5, Hi: 8, Enabled: true}}
	in := Input{
		Figures: []Figure{
			{"A", "ind_va", 110}, {"A", "ind_power", 104}, // +10 % − (+4 %) = 6 points: passes
			{"B", "ind_va", 120},    // +20 % − (+5 %, stored 105) = 15 points > 8: about ind_va
			{"C", "ind_power", 130}, // +10 % (stored 110) − 30 % = −20 points < −5: about ind_power
			{"D", "ind_va", 130},    // no previous year: not judged
		},
		Stored:   map[Key]float64{{"B", "ind_power"}: 105, {"C", "ind_va"}: 110, {"D", "ind_power"}: 100},
		Previous: map[Key]float64{{"A", "ind_va"}: 100, {"A", "ind_power"}: 100, {"B", "ind_va"}: 100, {"B", "ind_power"}: 100, {"C", "ind_va"}: 100, {"C", "ind_power"}: 100},
	}
	var got []finding
	for _, f := range Evaluate(rules, in) {
		got = append(got, finding{f.RuleID, f.Unit, f.Indicator, f.Msg.In(locale.ZH)})
	}
	want := []finding{
		{1, "B", "ind_va", "ind_va 增长 20%，ind_power 增长 5%，相差 15 个百分点，超出 [-5, 8]（规则：工业增加值与用电）"},
		{1, "C", "ind_power", "ind_va 增长 10%，ind_power 增长 30%，相差 -20 个百分点，超出 [-5, 8]（规则：工业增加值与用电）"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got)\n%s", d)
	}
}

func TestRuleValidateNewKinds(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name string
		r    Rule
		ok   bool
	}{
		{"rollup", Rule{Name: "x", Kind: KindRollup, Severity: Hard, Indicator: "gdp", Threshold: 0.01}, true},
		{"rollup without indicator", Rule{Name: "x", Kind: KindRollup, Severity: Hard, Threshold: 0.01}, false},
		{"rollup with a negative tolerance", Rule{Name: "x", Kind: KindRollup, Severity: Hard, Indicator: "gdp", Threshold: -1}, false},
		{"growth gap", Rule{Name: "x", Kind: KindGrowthGap, Severity: Soft, Indicator: "a", Other: "b", Lo: -5, Hi: nan}, true},
		{"growth gap of one indicator", Rule{Name: "x", Kind: KindGrowthGap, Severity: Soft, Indicator: "a", Other: "a", Lo: -5, Hi: 5}, false},
		{"growth gap without bounds", Rule{Name: "x", Kind: KindGrowthGap, Severity: Soft, Indicator: "a", Other: "b", Lo: nan, Hi: nan}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.r.Validate(); (err == nil) != tc.ok {
				t.Errorf("Validate() = %v", err)
			}
		})
	}
	if DefaultSeverity(KindRollup) != Hard || DefaultSeverity(KindGrowthGap) != Soft {
		t.Error("default severities")
	}
}
