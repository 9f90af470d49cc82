package method

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/table"
)

// constraintMethod: the panel indicator x of tieMethod plus an unscored
// indicator e (能耗强度降低率, %), three grades, two awards.
const constraintMethod = tieMethod + `[[indicator]]
code = "e"
[[award]]
name = "十强"
kind = "overall"
count = 2
[[award]]
name = "先进"
kind = "per_type"
count = 2
[[grade]]
name = "优秀"
min_score = 85
[[grade]]
name = "良好"
min_score = 80
[[grade]]
name = "合格"
`

// constraintRun runs constraintMethod with extra (tables after the
// grades; [[type]] second_if goes through a replacement) on four units of
// type 甲 (620122 and 620123 also declare 乙): x 90, 85, 80, 75 and e 1,
// −0.5, 2, missing.
func constraintRun(t *testing.T, src string, events ...Event) *Outcome {
	t.Helper()
	m := mustParse(t, src)
	d := newData([]string{"620121", "620122", "620123", "620124"}, [][]string{{"甲"}, {"甲", "乙"}, {"甲", "乙"}, {"甲"}},
		map[string][]float64{"x": {90, 85, 80, 75}, "e": {1, -0.5, 2, math.NaN()}})
	o, err := Run(m, Input{Data: d, Events: events})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func winnersOf(o *Outcome) map[string][]string {
	out := map[string][]string{}
	for _, a := range o.Awards {
		for _, u := range a.Winners {
			out[a.Label()] = append(out[a.Label()], o.Units[u].Code)
		}
	}
	return out
}

func TestConstraints(t *testing.T) {
	threshold := func(effect string) string {
		return constraintMethod + `[[threshold]]
name = "能耗双控"
indicator = "e"
min = 0
effect = "` + effect + `"
awards = ["十强"]
grade = "良好"
`
	}
	t.Run("threshold veto", func(t *testing.T) {
		// e of 620122 is −0.5 < 0: vetoed, so 十强 goes to 620121 and
		// 620123, 先进(甲) likewise and 先进(乙) to 620123 alone; 620124's
		// e is missing: warned, not vetoed.
		o := constraintRun(t, strings.Replace(threshold("veto"), "awards = [\"十强\"]\n", "", 1))
		want := map[string][]string{"十强": {"620121", "620123"}, "先进(甲)": {"620121", "620123"}, "先进(乙)": {"620123"}}
		if d := cmp.Diff(want, winnersOf(o)); d != "" {
			t.Errorf("winners (-want +got)\n%s", d)
		}
		if d := cmp.Diff([]bool{false, true, false, false}, o.Vetoed); d != "" {
			t.Errorf("vetoed (-want +got)\n%s", d)
		}
		if !hasWarning(o, "threshold_missing", "620124") {
			t.Errorf("no warning of 620124's missing e: %v", o.Warnings)
		}
	})
	t.Run("threshold disqualifies from one award", func(t *testing.T) {
		// 620122 cannot win 十强 but keeps 先进 in both its types.
		o := constraintRun(t, threshold("disqualify"))
		want := map[string][]string{"十强": {"620121", "620123"}, "先进(甲)": {"620121", "620122"}, "先进(乙)": {"620122", "620123"}}
		if d := cmp.Diff(want, winnersOf(o)); d != "" {
			t.Errorf("winners (-want +got)\n%s", d)
		}
		if s := o.Awards[0].Skipped; len(s) != 1 || s[0].Reason != "disqualified" {
			t.Errorf("skipped %+v", s)
		}
	})
	t.Run("threshold caps the grade", func(t *testing.T) {
		// 620122 scores 85 (优秀) but is capped at 良好.
		o := constraintRun(t, threshold("cap_grade"))
		if d := cmp.Diff([]string{"优秀", "良好", "良好", "合格"}, o.Grades); d != "" {
			t.Errorf("grades (-want +got)\n%s", d)
		}
	})
	t.Run("event caps the grade and disqualifies", func(t *testing.T) {
		// 620121 (90, 优秀) is capped at 合格 by 通报批评 and barred from
		// 先进 by 统计造假: 先进(甲) goes to 620122 and 620123.
		src := strings.Replace(constraintMethod, "[[award]]", `[[event]]
type = "通报批评"
effect = "cap_grade"
grade = "合格"
[[event]]
type = "统计造假"
effect = "disqualify"
awards = ["先进"]
[[award]]`, 1)
		o := constraintRun(t, src, Event{Unit: "620121", Type: "通报批评", Document: "甲办〔2022〕1号"},
			Event{Unit: "620121", Type: "统计造假", Document: "甲统〔2022〕2号"})
		if d := cmp.Diff([]string{"合格", "优秀", "良好", "合格"}, o.Grades); d != "" {
			t.Errorf("grades (-want +got)\n%s", d)
		}
		if got := winnersOf(o)["先进(甲)"]; !cmp.Equal(got, []string{"620122", "620123"}) {
			t.Errorf("先进(甲) %v", got)
		}
	})
	t.Run("grade quota", func(t *testing.T) {
		// 优秀 ≤ 25 %: floor(0.25 × 4) = 1 place, to 620121 (90); 620122
		// (85) goes on to 良好.
		src := strings.Replace(constraintMethod, "min_score = 85\n", "min_score = 85\nmax_share = 0.25\n", 1)
		o := constraintRun(t, src)
		if d := cmp.Diff([]string{"优秀", "良好", "良好", "合格"}, o.Grades); d != "" {
			t.Errorf("grades (-want +got)\n%s", d)
		}
	})
	t.Run("conditional second type", func(t *testing.T) {
		// 乙 counts as a second type only with x ≥ 85: 620122 (85) is
		// ranked in 乙, 620123 (80) is not.
		src := strings.Replace(constraintMethod, "name = \"乙\"\n", "name = \"乙\"\nsecond_if = { indicator = \"x\", min = 85 }\n", 1)
		o := constraintRun(t, src)
		for _, tr := range o.Types {
			if tr.Type == "乙" && !cmp.Equal(tr.Members, []int{1}) {
				t.Errorf("乙 members %v, want [1]", tr.Members)
			}
		}
		if !hasWarning(o, "second_type", "620123") {
			t.Errorf("no warning of 620123's second type: %v", o.Warnings)
		}
	})
	t.Run("failed second type with overall = mean and a tie-break", func(t *testing.T) {
		// 620123 declares 乙 but fails its condition, so it is no member
		// of 乙: its overall score and tie-break key come from 甲 alone
		// and the tie-break reads only the types the unit is ranked in.
		src := "overall = \"mean\"\ntie_break = [\"total\"]\n" +
			strings.Replace(constraintMethod, "name = \"乙\"\n", "name = \"乙\"\nsecond_if = { indicator = \"x\", min = 85 }\n", 1)
		o := constraintRun(t, src)
		// Scores are x (panel, full 100): 620123 has 80 under 甲 only.
		if got := o.Overall[2]; got != 80 {
			t.Errorf("620123 overall %v, want 80", got)
		}
		if d := cmp.Diff([]float64{1, 2, 3, 4}, o.Rank); d != "" {
			t.Errorf("ranks (-want +got)\n%s", d)
		}
	})
}

func hasWarning(o *Outcome, kind, unit string) bool {
	for _, w := range o.Warnings {
		if w.Kind == kind && w.Unit == unit {
			return true
		}
	}
	return false
}

func TestRestrictedTypes(t *testing.T) {
	// 620122 is in the restricted zone: its first type must be 乙; 620123
	// is too and declares 乙 first (its second type is free).
	m := mustParse(t, strings.Replace(tieMethod, "[[type]]", "[restricted]\nunits = [\"620122\", \"620123\"]\nfirst = [\"乙\"]\n[[type]]", 1))
	src := "代码,名称,类型,类型2,x\n620121,一,甲,,1\n620122,二,甲,乙,2\n620123,三,乙,甲,3\n"
	tab, err := table.Read("d.csv", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	_, err = ReadData(m, tab)
	want := `d.csv:3:3: a unit of the 限制开发区 must take 乙 as its first type, found "甲"`
	if err == nil || err.Error() != want {
		t.Errorf("error %v\nwant %s", err, want)
	}
	for _, bad := range []string{"[restricted]\nunits = [\"620122\"]\nfirst = [\"丙\"]\n", "[[threshold]]\nname = \"n\"\nindicator = \"y\"\n"} {
		if _, err := Parse("t.toml", []byte(strings.Replace(tieMethod, "[[type]]", bad+"[[type]]", 1))); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}
