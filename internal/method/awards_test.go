package method

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tieMethod scores one panel indicator x as is (score = 100·x/100 = x),
// rounded to whole points, so that 80.4 and 79.6 both rank as 80.
const tieMethod = `decimals = 0
[[type]]
name = "甲"
[[type]]
name = "乙"
[[node]]
code = "total"
[[indicator]]
code = "x"
parent = "total"
weight = 1
[indicator.score]
rule = "panel"
full = 100
`

// awardRun runs tieMethod plus awards on units 620121… (counties) with
// values x and types (甲 when nil), the previous ranks prev (nil for none)
// and decisions; it returns winners and pending per award label.
func awardRun(t *testing.T, awards string, x []float64, types [][]string, prev []float64, ds ...Decision) (win, pending map[string][]string, o *Outcome) {
	t.Helper()
	// Top-level keys (no_double, budget) go before the first table.
	top, rest, _ := strings.Cut(awards, "[[award]]")
	m := mustParse(t, top+tieMethod+"[[award]]"+rest)
	codes := []string{"620121", "620122", "620123", "620124", "620125", "620126"}[:len(x)]
	if types == nil {
		for range x {
			types = append(types, []string{"甲"})
		}
	}
	in := Input{Data: newData(codes, types, map[string][]float64{"x": x}), Decisions: ds}
	if prev != nil {
		in.Previous = &Previous{Rank: map[string]float64{}}
		for i, p := range prev {
			in.Previous.Rank[codes[i]] = p
		}
	}
	o, err := Run(m, in)
	if err != nil {
		t.Fatal(err)
	}
	win, pending = map[string][]string{}, map[string][]string{}
	for _, a := range o.Awards {
		for _, u := range a.Winners {
			win[a.Label()] = append(win[a.Label()], o.Units[u].Code)
		}
		for _, u := range a.Pending {
			pending[a.Label()] = append(pending[a.Label()], o.Units[u].Code)
		}
	}
	return win, pending, o
}

func TestAwardTies(t *testing.T) {
	const top2 = "[[award]]\nname = \"十强\"\nkind = \"overall\"\ncount = 2\n"
	tests := []struct {
		name      string
		awards    string
		x         []float64
		decisions []Decision
		win, pend map[string][]string
		labels    []string // AwardLabels of 620123
	}{
		// 90, 80.4, 79.6, 70 round to 90, 80, 80, 70: 620122 and 620123
		// tie at place 2; the unrounded score (80.4 > 79.6) gives 620122
		// the place.
		{name: "unrounded score breaks", awards: top2, x: []float64{90, 80.4, 79.6, 70},
			win: map[string][]string{"十强": {"620121", "620122"}}, pend: map[string][]string{}},
		// 80 and 80 exactly: nothing breaks the tie; one place is left
		// and both are 待认定.
		{name: "tie remains pending", awards: top2, x: []float64{90, 80, 80, 70},
			win: map[string][]string{"十强": {"620121"}}, pend: map[string][]string{"十强": {"620122", "620123"}},
			labels: []string{"待认定:十强"}},
		// The office gives the place to 620123 (meeting 2023-3).
		{name: "decided", awards: top2, x: []float64{90, 80, 80, 70},
			decisions: []Decision{{Award: "十强", Units: []string{"620123"}, Reference: "2023年第3次会议"}},
			win:       map[string][]string{"十强": {"620121", "620123"}}, pend: map[string][]string{}, labels: []string{"十强"}},
		// The office lets both share the place (并列): three winners.
		{name: "decided shared", awards: top2, x: []float64{90, 80, 80, 70},
			decisions: []Decision{{Award: "十强", Units: []string{"620122", "620123"}, Reference: "会议"}},
			win:       map[string][]string{"十强": {"620121", "620122", "620123"}}, pend: map[string][]string{}},
		// ties = "share": both tied units win at once.
		{name: "share", awards: top2 + "ties = \"share\"\n", x: []float64{90, 80, 80, 70},
			win: map[string][]string{"十强": {"620121", "620122", "620123"}}, pend: map[string][]string{}},
		// min_score = 85: only 620121 (90) may win; the place stays empty.
		{name: "minimum score", awards: top2 + "min_score = 85\n", x: []float64{90, 80.4, 79.6, 70},
			win: map[string][]string{"十强": {"620121"}}, pend: map[string][]string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			win, pend, o := awardRun(t, tc.awards, tc.x, nil, nil, tc.decisions...)
			if d := cmp.Diff(tc.win, win); d != "" {
				t.Errorf("winners (-want +got)\n%s", d)
			}
			if d := cmp.Diff(tc.pend, pend); d != "" {
				t.Errorf("pending (-want +got)\n%s", d)
			}
			if tc.labels != nil {
				if d := cmp.Diff(tc.labels, AwardLabels(o)[2]); d != "" {
					t.Errorf("labels of 620123 (-want +got)\n%s", d)
				}
			}
		})
	}
}

func TestAwardRise(t *testing.T) {
	// Current ranks 1…5 (x 90, 85, 80, 75, 70); previous ranks 3, 2, 5,
	// 3, 8: rises 2, 0, 2, −1, 3. Only rises > 0 compete: 620125 (+3),
	// then 620121 and 620123 (+2 each) — the better current rank (1 < 3)
	// puts 620121 first. With five places only the three risers win.
	prev := []float64{3, 2, 5, 3, 8}
	x := []float64{90, 85, 80, 75, 70}
	for _, tc := range []struct {
		count int
		want  []string
	}{
		{2, []string{"620125", "620121"}},
		{5, []string{"620125", "620121", "620123"}},
	} {
		aw := "[[award]]\nname = \"进步\"\nkind = \"rise\"\ncount = " + string(rune('0'+tc.count)) + "\n"
		win, pend, _ := awardRun(t, aw, x, nil, prev)
		if d := cmp.Diff(map[string][]string{"进步": tc.want}, win); d != "" {
			t.Errorf("count %d: winners (-want +got)\n%s", tc.count, d)
		}
		if len(pend) != 0 {
			t.Errorf("count %d: pending %v", tc.count, pend)
		}
	}
}

func TestAwardCombination(t *testing.T) {
	t.Run("no_double keeps the larger reward", func(t *testing.T) {
		// Ranks 1…5; previous 5, 2, 3, 4, 6: 620121 rises 4, 620125
		// rises 1. 620121 qualifies for 十强 (授牌, no amount) and 进步
		// (5000万元): it keeps 进步, and 十强 goes to 620122 and 620123.
		aw := `no_double = ["十强", "进步"]
[[award]]
name = "十强"
kind = "overall"
count = 2
reward = "授牌"
[[award]]
name = "进步"
kind = "rise"
count = 1
amount = 5000
`
		win, _, o := awardRun(t, aw, []float64{90, 85, 80, 75, 70}, nil, []float64{5, 2, 3, 4, 6})
		want := map[string][]string{"十强": {"620122", "620123"}, "进步": {"620121"}}
		if d := cmp.Diff(want, win); d != "" {
			t.Errorf("winners (-want +got)\n%s", d)
		}
		if s := o.Awards[0].Skipped; len(s) != 1 || s[0].Reason != "no_double" || s[0].Unit != 0 {
			t.Errorf("skipped %+v", s)
		}
	})
	t.Run("two types: the higher place", func(t *testing.T) {
		// 甲: 620121 95, 620122 90 (甲+乙), 620124 80 → places 1, 2, 3.
		// 乙: 620122 90, 620123 85, 620125 70 → places 1, 2, 3.
		// 620122 keeps 乙 (1st) rather than its primary 甲 (2nd); 620124
		// fills 甲.
		aw := "[[award]]\nname = \"先进\"\nkind = \"per_type\"\ncount = 2\ndistinct = true\n"
		types := [][]string{{"甲"}, {"甲", "乙"}, {"乙"}, {"甲"}, {"乙"}}
		win, _, _ := awardRun(t, aw, []float64{95, 90, 85, 80, 70}, types, nil)
		want := map[string][]string{"先进(甲)": {"620121", "620124"}, "先进(乙)": {"620122", "620123"}}
		if d := cmp.Diff(want, win); d != "" {
			t.Errorf("winners (-want +got)\n%s", d)
		}
	})
	t.Run("budget", func(t *testing.T) {
		// 2 places × 5000 = 10000 fits the budget; a shared tie makes
		// three winners, 15000: warned.
		aw := "budget = 10000\n[[award]]\nname = \"十强\"\nkind = \"overall\"\ncount = 2\namount = 5000\nties = \"share\"\n"
		_, _, o := awardRun(t, aw, []float64{90, 80, 80, 70}, nil, nil)
		kinds := map[string]int{}
		for _, w := range o.Warnings {
			kinds[w.Kind]++
		}
		if kinds["budget"] != 1 || kinds["tie"] != 1 {
			t.Errorf("warnings %v", kinds)
		}
	})
}

func TestAwardRulesChecked(t *testing.T) {
	tests := []struct{ name, src, want string }{
		// 10 places × 5000 = 50000 > 40000.
		{"budget", "budget = 40000\n[[award]]\nname = \"进步\"\nkind = \"rise\"\ncount = 10\namount = 5000\n", "budget"},
		{"no_double names an award", "no_double = [\"十强\", \"强县\"]\n[[award]]\nname = \"十强\"\nkind = \"overall\"\ncount = 1\n", "no_double[1]"},
		{"ties", "[[award]]\nname = \"十强\"\nkind = \"overall\"\ncount = 1\nties = \"random\"\n", "ties"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			top, rest, _ := strings.Cut(tc.src, "[[award]]")
			_, err := Parse("t.toml", []byte(top+tieMethod+"[[award]]"+rest))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one about %s", err, tc.want)
			}
		})
	}
}
