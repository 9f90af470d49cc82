package zone

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/method"
)

// TestPositionRule: a [[management]] rule of kind "position" reads the
// recorded national list positions (issue 18 item 3) instead of the group
// rank. Three held years, list L (a top-100 list):
//
//	a: 2022 79th, 2023 120th, 2024 95th
//	b: 2024 101st
//	c: 2023 50th, none in 2024; L2 (another list) 1st in 2024
//
// Rule 0 (max_position 100, once in the last year): a (95 ≤ 100) counts in
// for 2024; b (101 > 100) does not; c has no 2024 place in L, and its 1st
// place in L2 is another list.
// Rule 1 (max_position 100, 2 of the last 3 years): a counts in 2022 (79)
// and 2024 (95), not 2023 (120) → 2 of 3, warned with years 2022, 2024; c
// counts in 2023 only → 1 < 2, not warned.
func TestPositionRule(t *testing.T) {
	pos := func(list string, p int) map[string]int { return map[string]int{list: p} }
	recs := []Record{
		{Period: "2022", Unit: "a", Group: "g", Score: 80, GroupRank: math.NaN(), Positions: pos("L", 79)},
		{Period: "2022", Unit: "b", Group: "g", Score: 70, GroupRank: math.NaN()},
		{Period: "2022", Unit: "c", Group: "g", Score: 60, GroupRank: math.NaN()},
		{Period: "2023", Unit: "a", Group: "g", Score: 80, GroupRank: math.NaN(), Positions: pos("L", 120)},
		{Period: "2023", Unit: "b", Group: "g", Score: 70, GroupRank: math.NaN()},
		{Period: "2023", Unit: "c", Group: "g", Score: 60, GroupRank: math.NaN(), Positions: pos("L", 50)},
		{Period: "2024", Unit: "a", Group: "g", Score: 80, GroupRank: math.NaN(), Positions: pos("L", 95)},
		{Period: "2024", Unit: "b", Group: "g", Score: 70, GroupRank: math.NaN(), Positions: pos("L", 101)},
		{Period: "2024", Unit: "c", Group: "g", Score: 60, GroupRank: math.NaN(), Positions: pos("L2", 1)},
	}
	h, err := Build(recs, nil)
	if err != nil {
		t.Fatal(err)
	}
	rules := []method.Management{
		{Kind: method.ManagePosition, List: "L", MaxPosition: 100, Times: 1, Within: 1, Action: "升级推荐", Share: math.NaN()},
		{Kind: method.ManagePosition, List: "L", MaxPosition: 100, Times: 2, Within: 3, Action: "奖补", Share: math.NaN()},
	}
	res, err := Assess(h, rules, Changes{}, "2024")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]Warning{}
	for _, r := range res {
		got[r.Unit] = r.Warnings
	}
	nan := math.NaN()
	want := map[string][]Warning{
		"a": {{Rule: 0, Action: "升级推荐", Years: []string{"2024"}, Average: nan},
			{Rule: 1, Action: "奖补", Years: []string{"2022", "2024"}, Average: nan}},
		"b": nil, "c": nil,
	}
	if d := cmp.Diff(want, got, cmp.Comparer(func(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) })); d != "" {
		t.Error(d)
	}
}

// TestPositionRuleParse: the method format accepts a position rule with a
// list and a last place, and refuses one without, or list on a rank rule.
func TestPositionRuleParse(t *testing.T) {
	for _, c := range []struct {
		name, rule, err string
	}{
		{"ok", "kind = \"position\"\nlist = \"L\"\nmax_position = 100\naction = \"升级推荐\"", ""},
		{"no list", "kind = \"position\"\nmax_position = 100\naction = \"升级推荐\"", "list"},
		{"no place", "kind = \"position\"\nlist = \"L\"\naction = \"升级推荐\"", "max_position"},
		{"list on a rank rule", "kind = \"bottom\"\ncount = 1\nlist = \"L\"\naction = \"降级预警\"", "list"},
		{"count on a position rule", "kind = \"position\"\nlist = \"L\"\nmax_position = 5\ncount = 1\naction = \"x\"", "management[0]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := method.ParseRules("r.toml", []byte("[[management]]\n"+c.rule+"\n"))
			switch {
			case c.err == "" && err != nil:
				t.Fatal(err)
			case c.err == "" && (len(m.Management) != 1 || m.Management[0].List != "L" || m.Management[0].MaxPosition != 100):
				t.Errorf("parsed %+v", m.Management)
			case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
				t.Errorf("got %v, want an error naming %s", err, c.err)
			}
		})
	}
}
