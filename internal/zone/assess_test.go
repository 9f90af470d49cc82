package zone

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qiangxian/qiangxian/internal/method"
)

// streakHistory: held periods 2015, 2016, 2017, 2019, 2020 (no assessment
// in 2018); 优秀 ≥ 90, 良好 ≥ 80, below 80 ungraded. Scores per period:
//
//	a  95 95 95 95 95   every held period 优秀
//	b  95  — 95 95 95   absent in 2016
//	c  95 85 95 95 95   良好 in 2016
//	d   —  —  —  — 70   ungraded
//	r0 95 95 95  —  —   renamed r1 in 2019
//	r1  —  —  — 95 95
//	m1 95 95 95  —  —   m1 and m2 merged into m in 2019
//	m2 85 85 85  —  —
//	m   —  —  — 95 95
//	u  95 95 95 95 95   upgraded in 2019
const streakHistory = `a 95 95 95 95 95
b 95 - 95 95 95
c 95 85 95 95 95
d - - - - 70
r0 95 95 95 - -
r1 - - - 95 95
m1 95 95 95 - -
m2 85 85 85 - -
m - - - 95 95
u 95 95 95 95 95`

// scoreTable turns lines of "unit score…" (one score per period, "-" for
// absent) into a history CSV, all units in group g.
func scoreTable(periods []string, lines string) string {
	var b strings.Builder
	b.WriteString("period,unit,group,group_rank,score,grade\n")
	for _, l := range strings.Split(lines, "\n") {
		f := strings.Fields(l)
		for i, s := range f[1:] {
			if s != "-" {
				fmt.Fprintf(&b, "%s,%s,g,,%s,\n", periods[i], f[0], s)
			}
		}
	}
	return b.String()
}

type streakOf struct {
	Grade  string
	Streak int
	From   string
}

func streaks(t *testing.T, h *History, c Changes, period string) map[string]streakOf {
	t.Helper()
	res, err := Assess(h, nil, c, period)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]streakOf{}
	for _, r := range res {
		out[r.Unit] = streakOf{r.Grade, r.Streak, r.StreakFrom}
	}
	return out
}

func TestStreak(t *testing.T) {
	periods := []string{"2015", "2016", "2017", "2019", "2020"}
	h := hist(t, scoreTable(periods, streakHistory), byScore)
	t.Run("no changes", func(t *testing.T) {
		want := map[string]streakOf{
			"a":  {"优秀", 5, "2015"}, // 2018 was not held: skipped, not a break
			"b":  {"优秀", 3, "2017"}, // absent in 2016
			"c":  {"优秀", 3, "2017"}, // 良好 in 2016
			"d":  {"", 0, ""},       // ungraded
			"r1": {"优秀", 2, "2019"}, // without the rename, r1 starts in 2019
			"m":  {"优秀", 2, "2019"},
			"u":  {"优秀", 5, "2015"},
		}
		if d := cmp.Diff(want, streaks(t, h, Changes{}, "2020")); d != "" {
			t.Error(d)
		}
	})
	t.Run("rename, merger, upgrade", func(t *testing.T) {
		c := Changes{Successor: map[string]string{"r0": "r1", "m1": "m", "m2": "m"}, Upgraded: map[string]string{"u": "2019"}}
		got := streaks(t, h, c, "2020")
		want := map[string]streakOf{
			"r1": {"优秀", 5, "2015"}, // r0's 2015–2017 carry over
			"m":  {"优秀", 5, "2015"}, // m1 was 优秀 in 2015–2017 (m2 良好 does not break it)
			"u":  {"优秀", 2, "2019"}, // the upgrade in 2019 ends the streak of 2015–2017
		}
		for u, w := range want {
			if got[u] != w {
				t.Errorf("%s: got %+v, want %+v", u, got[u], w)
			}
		}
	})
	t.Run("upgrade in a year not held", func(t *testing.T) {
		// 2018 was not held: the streak restarts in the next held period.
		got := streaks(t, h, Changes{Upgraded: map[string]string{"u": "2018"}}, "2020")
		if w := (streakOf{"优秀", 2, "2019"}); got["u"] != w {
			t.Errorf("got %+v, want %+v", got["u"], w)
		}
	})
	t.Run("as of an earlier period", func(t *testing.T) {
		// In 2017 c's streak is 1 (良好 in 2016), b's 1 (absent in 2016).
		got := streaks(t, h, Changes{}, "2017")
		if got["c"] != (streakOf{"优秀", 1, "2017"}) || got["b"] != (streakOf{"优秀", 1, "2017"}) || got["a"] != (streakOf{"优秀", 3, "2015"}) {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("upgrade after the period", func(t *testing.T) {
		// As of 2017, u's upgrade in 2019 has not happened: 2015–2017.
		got := streaks(t, h, Changes{Upgraded: map[string]string{"u": "2019"}}, "2017")
		if w := (streakOf{"优秀", 3, "2015"}); got["u"] != w {
			t.Errorf("got %+v, want %+v", got["u"], w)
		}
	})
	t.Run("cycle", func(t *testing.T) {
		if _, err := Assess(h, nil, Changes{Successor: map[string]string{"a": "b", "b": "a"}}, "2020"); err != ErrCycle {
			t.Errorf("err = %v, want ErrCycle", err)
		}
	})
	t.Run("unknown period", func(t *testing.T) {
		if _, err := Assess(h, nil, Changes{}, "2018"); err == nil {
			t.Error("no error for a period not held")
		}
	})
}

// rankTable turns lines of "unit group rank…" (one rank per period, "-"
// for absent) into a history CSV; every unit is graded X.
func rankTable(periods []string, lines string, extra ...string) string {
	var b strings.Builder
	b.WriteString("period,unit,group,group_rank,score,grade,established,merging\n")
	for _, l := range strings.Split(strings.TrimSpace(lines), "\n") {
		f := strings.Fields(l)
		for i, s := range f[2:] {
			if s != "-" {
				fmt.Fprintf(&b, "%s,%s,%s,%s,,X,,\n", periods[i], f[0], f[1], s)
			}
		}
	}
	for _, e := range extra {
		b.WriteString(e + "\n")
	}
	return b.String()
}

// warned is a unit's warnings as "action years [tie]".
func warned(t *testing.T, h *History, rules []method.Management, c Changes, period string) map[string][]string {
	t.Helper()
	res, err := Assess(h, rules, c, period)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, r := range res {
		for _, w := range r.Warnings {
			s := w.Action + " " + strings.Join(w.Years, "+")
			if w.Tie {
				s += " tie"
			}
			if !math.IsNaN(w.Average) {
				s += fmt.Sprintf(" avg=%g", w.Average)
			}
			out[r.Unit] = append(out[r.Unit], s)
		}
		for _, e := range r.Exempt {
			out[r.Unit] = append(out[r.Unit], "exempt "+e.Action+" "+e.Reason)
		}
	}
	return out
}

func rule(kind string, count int, share float64, times, within int) method.Management {
	return method.Management{Kind: kind, Count: count, Share: share, Times: times, Within: within, Action: "w"}
}

func TestCountIn(t *testing.T) {
	// One period, group g ranked a 1, b 2, c 3, d 3, e 5 (c and d tied).
	h := hist(t, rankTable([]string{"2021"}, "a g 1\nb g 2\nc g 3\nd g 3\ne g 5"), nil)
	for _, c := range []struct {
		name string
		rule method.Management
		want map[string][]string
	}{
		// bottom 2: e has 0 worse (in); c and d have 1 worse (e) < 2 (in),
		// but with their tie 1 + 2 = 3 > 2 zones: flagged; b has 3 worse.
		{"bottom 2", rule("bottom", 2, nan, 1, 1), map[string][]string{"e": {"w 2021"}, "c": {"w 2021 tie"}, "d": {"w 2021 tie"}}},
		// bottom 3: c, d: 1 + 2 = 3 ≤ 3, no tie.
		{"bottom 3", rule("bottom", 3, nan, 1, 1), map[string][]string{"e": {"w 2021"}, "c": {"w 2021"}, "d": {"w 2021"}}},
		// top 2: a has 0 better, b 1 better: both in, b's 1 + 1 = 2 ≤ 2.
		{"top 2", rule("top", 2, nan, 1, 1), map[string][]string{"a": {"w 2021"}, "b": {"w 2021"}}},
		// top 3: c and d have 2 better < 3: in, 2 + 2 = 4 > 3: tie.
		{"top 3", rule("top", 3, nan, 1, 1), map[string][]string{"a": {"w 2021"}, "b": {"w 2021"}, "c": {"w 2021 tie"}, "d": {"w 2021 tie"}}},
		// share 0.3 of 5 = 1.5, rounded up to 2: as bottom 2.
		{"share rounds up", rule("bottom", 0, 0.3, 1, 1), map[string][]string{"e": {"w 2021"}, "c": {"w 2021 tie"}, "d": {"w 2021 tie"}}},
		// count above the group size: every zone counts in.
		{"count above size", rule("top", 9, nan, 1, 1), map[string][]string{"a": {"w 2021"}, "b": {"w 2021"}, "c": {"w 2021"}, "d": {"w 2021"}, "e": {"w 2021"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if d := cmp.Diff(c.want, warned(t, h, []method.Management{c.rule}, Changes{}, "2021")); d != "" {
				t.Error(d)
			}
		})
	}
}

func TestShare(t *testing.T) {
	// Groups of 30, 11 and 10 ranked 1…n; bottom share 0.1 takes
	// ceil(0.1 × n): 0.1 × 30 = 3 (3.0000000000000004 in floating point,
	// which must not become 4), ceil(1.1) = 2, 0.1 × 10 = 1.
	var lines []string
	for _, n := range []int{30, 11, 10} {
		for i := 1; i <= n; i++ {
			lines = append(lines, fmt.Sprintf("g%d_%d g%d %d", n, i, n, i))
		}
	}
	h := hist(t, rankTable([]string{"2021"}, strings.Join(lines, "\n")), nil)
	got := warned(t, h, []method.Management{rule("bottom", 0, 0.1, 1, 1)}, Changes{}, "2021")
	want := map[string][]string{}
	for _, u := range []string{"g30_28", "g30_29", "g30_30", "g11_10", "g11_11", "g10_10"} {
		want[u] = []string{"w 2021"}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
}

func TestWindows(t *testing.T) {
	// Held periods 2018, 2019, 2020, 2021, 2023 (none in 2022). Ranks:
	//
	//	x  1 2 1 1 1
	//	y  2 3 2 2 2
	//	z  3 1 — 3 3   absent in 2020
	//
	// bottom 1 counts in: z in 2018, 2021 and 2023; y in 2019 (3rd of
	// three) and 2020 (2nd of the two present).
	periods := []string{"2018", "2019", "2020", "2021", "2023"}
	h := hist(t, rankTable(periods, "x g 1 2 1 1 1\ny g 2 3 2 2 2\nz g 3 1 - 3 3"), nil)
	for _, c := range []struct {
		name          string
		times, within int
		want          map[string][]string
	}{
		// the last 2 held periods are 2021 and 2023: 2022 is not skipped over.
		{"2 of 2", 2, 2, map[string][]string{"z": {"w 2021+2023"}}},
		// 2020, 2021, 2023: z was absent in 2020, so only 2 of 3.
		{"3 of 3", 3, 3, map[string][]string{}},
		{"3 of 5", 3, 5, map[string][]string{"z": {"w 2018+2021+2023"}}},
		{"1 of 1", 1, 1, map[string][]string{"z": {"w 2023"}}},
		// 2019, 2020, 2021, 2023: y in 2019 and 2020; the current period
		// need not be one of them.
		{"1 of 4", 1, 4, map[string][]string{"y": {"w 2019+2020"}, "z": {"w 2021+2023"}}},
		{"2 of 4", 2, 4, map[string][]string{"y": {"w 2019+2020"}, "z": {"w 2021+2023"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := warned(t, h, []method.Management{rule("bottom", 1, nan, c.times, c.within)}, Changes{}, "2023")
			if d := cmp.Diff(c.want, got, cmpopts.EquateEmpty()); d != "" {
				t.Error(d)
			}
		})
	}
}

func TestRenameMergerCountIns(t *testing.T) {
	// Group g of three each year. 2021: r0 3rd, m1 2nd, m2 1st. 2022: r1
	// (r0 renamed) 3rd, m (m1 and m2 merged) 2nd, n 1st. bottom 2, twice
	// within 2:
	//   r1: 2021 via r0 (3rd: in), 2022 (3rd: in) → warned.
	//   m: 2021 via m1 (2nd: 1 worse < 2, in), 2022 (2nd: in) → warned;
	//   m2 (1st) did not count in, but one unit of the lineage suffices.
	//   Without the changes r1 and m have only 2022.
	h := hist(t, rankTable([]string{"2021", "2022"}, "r0 g 3 -\nm1 g 2 -\nm2 g 1 -\nr1 g - 3\nm g - 2\nn g - 1"), nil)
	rules := []method.Management{rule("bottom", 2, nan, 2, 2)}
	c := Changes{Successor: map[string]string{"r0": "r1", "m1": "m", "m2": "m"}}
	if d := cmp.Diff(map[string][]string{"r1": {"w 2021+2022"}, "m": {"w 2021+2022"}}, warned(t, h, rules, c, "2022")); d != "" {
		t.Error(d)
	}
	if d := cmp.Diff(map[string][]string{}, warned(t, h, rules, Changes{}, "2022"), cmpopts.EquateEmpty()); d != "" {
		t.Error(d)
	}
}

func TestExemptions(t *testing.T) {
	// Group g: a 1, b 2, c 3 in 2022; c was set up in 2021 (1 year before
	// 2022 < 2: new). Group h: p 1, q 2; q is being merged in 2022.
	h := hist(t, rankTable([]string{"2022"}, "a g 1\nb g 2\nh1 h 1", "2022,c,g,3,,X,2021,", "2022,q,h,2,,X,,是"), nil)
	r := rule("bottom", 1, nan, 1, 1)
	t.Run("none", func(t *testing.T) {
		got := warned(t, h, []method.Management{r}, Changes{}, "2022")
		if d := cmp.Diff(map[string][]string{"c": {"w 2022"}, "q": {"w 2022"}}, got); d != "" {
			t.Error(d)
		}
	})
	t.Run("exempt", func(t *testing.T) {
		r := r
		r.ExemptNewYears, r.ExemptMerging = 2, true
		got := warned(t, h, []method.Management{r}, Changes{}, "2022")
		// Exempt zones are not replaced by the next ones up (b stays clear).
		if d := cmp.Diff(map[string][]string{"c": {"exempt w new"}, "q": {"exempt w merging"}}, got); d != "" {
			t.Error(d)
		}
	})
	t.Run("established given in an earlier row", func(t *testing.T) {
		r := r
		r.ExemptNewYears = 2
		// c's establishment year 2021 is on its 2021 row only: still new in 2022.
		h := hist(t, rankTable([]string{"2021", "2022"}, "a g 1 1", "2021,c,g,2,,X,2021,", "2022,c,g,2,,X,,"), nil)
		if d := cmp.Diff(map[string][]string{"c": {"exempt w new"}}, warned(t, h, []method.Management{r}, Changes{}, "2022")); d != "" {
			t.Error(d)
		}
	})
	t.Run("set up 2 years ago", func(t *testing.T) {
		r := r
		r.ExemptNewYears = 2
		h := hist(t, rankTable([]string{"2022"}, "a g 1", "2022,c,g,2,,X,2020,"), nil)
		// 2022 − 2020 = 2, not less than 2: not exempt.
		if d := cmp.Diff(map[string][]string{"c": {"w 2022"}}, warned(t, h, []method.Management{r}, Changes{}, "2022")); d != "" {
			t.Error(d)
		}
	})
}

func TestSecondStage(t *testing.T) {
	// Six zones over 2022 and 2023; bottom 3 in 2023 shortlists d, e, f
	// (ranks 4, 5, 6). Their two-year average ranks decide the proposal.
	for _, c := range []struct {
		name  string
		ranks string // 2022 ranks of d e f
		then  int
		want  map[string][]string
	}{
		// d (6+4)/2 = 5, e (4+5)/2 = 4.5, f (5+6)/2 = 5.5: f is the worst.
		{"worst one", "6 4 5", 1, map[string][]string{"f": {"w 2023 avg=5.5"}}},
		// then 2: d has 1 worse (f) < 2; e has 2.
		{"worst two", "6 4 5", 2, map[string][]string{"d": {"w 2023 avg=5"}, "f": {"w 2023 avg=5.5"}}},
		// d (6+4)/2 = 5, e (4+5)/2 = 4.5, f (4+6)/2 = 5: d and f tie at
		// the worst place: both in, flagged.
		{"tie", "6 4 4", 1, map[string][]string{"d": {"w 2023 tie avg=5"}, "f": {"w 2023 tie avg=5"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := strings.Fields(c.ranks)
			h := hist(t, rankTable([]string{"2022", "2023"}, fmt.Sprintf("a g 1 1\nb g 2 2\nc g 3 3\nd g %s 4\ne g %s 5\nf g %s 6", r[0], r[1], r[2])), nil)
			g := rule("bottom", 3, nan, 1, 1)
			g.ThenAverageYears, g.ThenCount = 2, c.then
			if d := cmp.Diff(c.want, warned(t, h, []method.Management{g}, Changes{}, "2023")); d != "" {
				t.Error(d)
			}
		})
	}
}

func TestTieOnlyWhenNeeded(t *testing.T) {
	// bottom 2, twice within 2. z is last in 2021 (x 1, y 2, z 3: in, no
	// tie) and tied with y in 2022 (x 1, y 2, z 2, w 4: z has 1 worse < 2,
	// 1 + 2 = 3 > 2: in by a tie). With times 2 the warning rests on the
	// 2022 tie; with times 1 the clean 2021 suffices.
	h := hist(t, rankTable([]string{"2021", "2022"}, "x g 1 1\ny g 2 2\nz g 3 2\nw g - 4"), nil)
	if d := cmp.Diff([]string{"w 2021+2022 tie"}, warned(t, h, []method.Management{rule("bottom", 2, nan, 2, 2)}, Changes{}, "2022")["z"]); d != "" {
		t.Error(d)
	}
	if d := cmp.Diff([]string{"w 2021+2022"}, warned(t, h, []method.Management{rule("bottom", 2, nan, 1, 2)}, Changes{}, "2022")["z"]); d != "" {
		t.Error(d)
	}
}

func TestRulesInOrder(t *testing.T) {
	// Two rules; a zone meeting both gets both actions in the rules' order.
	h := hist(t, rankTable([]string{"2021"}, "a g 1\nb g 2"), nil)
	rules := []method.Management{rule("bottom", 1, nan, 1, 1), rule("top", 2, nan, 1, 1)}
	rules[0].Action, rules[1].Action = "约谈", "升级推荐"
	want := map[string][]string{"a": {"升级推荐 2021"}, "b": {"约谈 2021", "升级推荐 2021"}}
	if d := cmp.Diff(want, warned(t, h, rules, Changes{}, "2021")); d != "" {
		t.Error(d)
	}
}
