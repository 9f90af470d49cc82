package mujun

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qiangxian/qiangxian/internal/locale"
)

func exampleScheme(t testing.TB) *Scheme {
	t.Helper()
	src, err := os.ReadFile("../../../examples/zones/mujun-scheme.toml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseScheme("mujun-scheme.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// quotaScheme scores 亩均税收 alone: weight 100, standard 10, cap 10, so
// that with 1 亩 of land the score is 10 × tax.
const quotaScheme = `
[eligibility]
min_land = 0
[[indicator]]
key = "tax_per_mu"
weight = 100
standard = 10
cap = 10
[[class]]
name = "A"
min_score = 80
max_share = 0.2
[[class]]
name = "B"
min_score = 60
[[class]]
name = "C"
min_score = 40
[[class]]
name = "D"
min_score = 0
min_share = 0.05
`

func mustScheme(t testing.TB, src string) *Scheme {
	t.Helper()
	s, err := ParseScheme("s.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// scored returns enterprises U01, U02 … on 1 亩 whose score under
// quotaScheme is the given one.
func scored(scores ...float64) []Enterprise {
	es := make([]Enterprise, len(scores))
	for i, s := range scores {
		es[i] = Enterprise{USCC: fmt.Sprintf("U%02d", i+1), Zone: "Z", LandOwned: 1, LandLeasedIn: math.NaN(), LandLeasedOut: math.NaN(), Tax: s / 10,
			ValueAdded: math.NaN(), Output: math.NaN(), Energy: math.NaN(), Emissions: math.NaN(), RD: math.NaN(), Employees: math.NaN()}
	}
	return es
}

var approx = cmp.Comparer(func(a, b float64) bool {
	return a == b || (math.IsNaN(a) && math.IsNaN(b)) || math.Abs(a-b) < 1e-12
})

func classes(res []Result) string {
	var b strings.Builder
	for _, r := range res {
		if r.Class == "" {
			b.WriteString("-")
		}
		b.WriteString(r.Class)
	}
	return b.String()
}

func TestIndicatorsAndScore(t *testing.T) {
	s := exampleScheme(t)
	// Land = 10 owned + 2 leased in − 2 leased out = 10 亩.
	e := Enterprise{USCC: "X", LandOwned: 10, LandLeasedIn: 2, LandLeasedOut: 2, StartYear: 2020,
		Tax: 200, ValueAdded: 600, Energy: 300, Emissions: 0, RD: 30, Output: 1000, Employees: 0}
	res := Grade([]Enterprise{e}, s, 2024)[0]
	inf := math.Inf(1)
	// 亩均税收 200/10 = 20; 亩均增加值 600/10 = 60; 单位能耗增加值 600/300 = 2;
	// 单位排放增加值 600/0 = +Inf (no emissions); R&D share 30/1000 = 0.03.
	wantV := []float64{20, 60, 2, inf, 0.03}
	// Points: 40×20/15 = 53.33…; 25×60/60 = 25; 15×2/2 = 15; +Inf reaches
	// the cap: 10×1.5 = 15; 10×0.03/0.03 = 10.
	wantP := []float64{40 * 20.0 / 15, 25, 15, 15, 10}
	if d := cmp.Diff(wantV, res.Values); d != "" {
		t.Errorf("values (-want +got):\n%s", d)
	}
	if d := cmp.Diff(wantP, res.Points, approx); d != "" {
		t.Errorf("points (-want +got):\n%s", d)
	}
	// 53.333… + 25 + 15 + 15 + 10 = 118.333…, 118.33 with the example's
	// decimals = 2: A by score; but alone
	// (n = 1) A holds at most floor(0.2×1) = 0 and D at least
	// ceil(0.05×1) = 1: the quotas make it D.
	if res.Score != 118.33 || res.ByScore != "A" || res.Class != "D" || res.Rank != 1 {
		t.Errorf("score %v by score %q class %q rank %d, want 118.33 A D 1", res.Score, res.ByScore, res.Class, res.Rank)
	}
	// The zero denominator, then A's ceiling of 0 and D's floor of 1.
	if len(res.Reasons) != 3 || res.Reasons[0].In(locale.EN) != "单位排放增加值 has a zero denominator (e.g. no energy use or emissions): capped points" ||
		res.Reasons[1].Key != "mujun.r.ceiling" || res.Reasons[2].Key != "mujun.r.floor" {
		t.Errorf("reasons %v", res.Reasons)
	}
	t.Run("cap, floor at 0 and missing", func(t *testing.T) {
		in := Indicator{Weight: 40, Standard: 15, Cap: 1.5}
		for _, c := range []struct{ v, want float64 }{
			{30, 60},          // 30/15 = 2 > cap 1.5: 40 × 1.5
			{7.5, 20},         // 0.5 × 40
			{-3, 0},           // net refunds: a negative ratio counts 0
			{math.NaN(), 0},   // not reported
			{math.Inf(1), 60}, // zero denominator: the cap
		} {
			if got := in.Points(c.v); got != c.want {
				t.Errorf("Points(%v) = %v, want %v", c.v, got, c.want)
			}
		}
	})
	t.Run("zero denominators", func(t *testing.T) {
		z := Enterprise{LandOwned: 0, Tax: 0, ValueAdded: -5, Energy: 0, Output: 0, RD: 0}
		for _, k := range []string{"tax_per_mu", "va_per_energy", "rd_share"} {
			if v := Value(&z, k); !math.IsNaN(v) { // 0/0 and −5/0 are undefined
				t.Errorf("%s = %v, want NaN", k, v)
			}
		}
	})
}

func TestEligibility(t *testing.T) {
	s := exampleScheme(t) // min_land 3, min_years 1
	nan := math.NaN()
	base := Enterprise{LandOwned: 5, LandLeasedIn: nan, LandLeasedOut: nan, StartYear: 2020, Tax: 100}
	for _, c := range []struct {
		name string
		edit func(e *Enterprise)
		year int
		want bool
	}{
		{"5 亩, 4 years", func(e *Enterprise) {}, 2024, true},
		{"exactly 3 亩", func(e *Enterprise) { e.LandOwned = 3 }, 2024, true},
		{"2.9 亩", func(e *Enterprise) { e.LandOwned = 2.9 }, 2024, false},
		// 4 owned + 1 leased in − 2.5 leased out = 2.5 < 3.
		{"leased out brings it below", func(e *Enterprise) { e.LandOwned, e.LandLeasedIn, e.LandLeasedOut = 4, 1, 2.5 }, 2024, false},
		// 1 owned + 2 leased in = 3: leased land counts to its user.
		{"leased in counts", func(e *Enterprise) { e.LandOwned, e.LandLeasedIn = 1, 2 }, 2024, true},
		{"land not reported", func(e *Enterprise) { e.LandOwned = nan }, 2024, false},
		{"started the year before: 2024 − 2023 = 1", func(e *Enterprise) { e.StartYear = 2023 }, 2024, true},
		{"started in the year: 0 < 1", func(e *Enterprise) { e.StartYear = 2024 }, 2024, false},
		{"no year given: not tested", func(e *Enterprise) { e.StartYear = 2024 }, 0, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := base
			c.edit(&e)
			r := Grade([]Enterprise{e}, s, c.year)[0]
			if r.Eligible != c.want || (r.Class != "") == !c.want || math.IsNaN(r.Score) == c.want {
				t.Errorf("eligible %v class %q score %v, want eligible %v", r.Eligible, r.Class, r.Score, c.want)
			}
		})
	}
	t.Run("above scale only", func(t *testing.T) {
		s2 := *s
		s2.Eligibility.AboveScaleOnly = true
		r := Grade([]Enterprise{base}, &s2, 2024)[0]
		if r.Eligible || r.Reasons[0].Key != "mujun.r.scale" {
			t.Errorf("eligible %v reasons %v", r.Eligible, r.Reasons)
		}
	})
}

func TestQuotas(t *testing.T) {
	s := mustScheme(t, quotaScheme)
	for _, c := range []struct {
		name   string
		scores []float64
		want   string // classes in input order
		rank   []int
	}{
		// n = 10: A ≤ floor(0.2×10) = 2, D ≥ ceil(0.05×10) = 1. Four reach
		// 80; the two 85s fall to B. Nobody is below 40: the lowest, 42,
		// moves down to D.
		{"both quotas bind", []float64{95, 90, 85, 85, 70, 65, 60, 50, 45, 42}, "AABBBBBCCD", []int{1, 2, 3, 3, 5, 6, 7, 8, 9, 10}},
		// The cut of A falls between the two 90s: both fall, A keeps one
		// (a ceiling is never exceeded), the 85 falls by rank.
		{"A ceiling tie", []float64{95, 90, 90, 85, 70, 65, 60, 50, 45, 42}, "ABBBBBBCCD", nil},
		// D needs one but the two lowest tie at 42: both go to D (a floor
		// is always reached).
		{"D floor tie", []float64{95, 90, 75, 70, 70, 65, 60, 50, 42, 42}, "AABBBBBCDD", []int{1, 2, 3, 4, 4, 6, 7, 8, 9, 9}},
		// Everyone tied at 85: nobody may be A (the tie spans the cut of 2),
		// and all ten are moved to D by the floor of 1.
		{"all tied", []float64{85, 85, 85, 85, 85, 85, 85, 85, 85, 85}, "DDDDDDDDDD", nil},
		// Already enough D by score: no move. n = 4: A ≤ floor(0.8) = 0.
		{"small n", []float64{90, 70, 50, 10}, "BBCD", nil},
		// n = 20: 0.05 × 20 is 1 (not 1.0000000000000002 rounded up to 2):
		// one D. A ≤ 4: the 81s are 4th and 5th and tie at the cut.
		{"n = 20 rounding", []float64{99, 98, 97, 81, 81, 79, 78, 77, 76, 75, 74, 73, 72, 71, 70, 69, 68, 67, 66, 65},
			"AAABBBBBBBBBBBBBBBBD", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := Grade(scored(c.scores...), s, 2024)
			if got := classes(res); got != c.want {
				t.Errorf("classes %s, want %s", got, c.want)
			}
			if c.rank != nil {
				var got []int
				for _, r := range res {
					got = append(got, r.Rank)
				}
				if d := cmp.Diff(c.rank, got); d != "" {
					t.Errorf("ranks (-want +got):\n%s", d)
				}
			}
		})
	}
	t.Run("reasons", func(t *testing.T) {
		res := Grade(scored(95, 90, 90, 85, 70, 65, 60, 50, 42, 42), s, 2024)
		for i, want := range map[int]string{1: "mujun.r.ceilingtie", 2: "mujun.r.ceilingtie", 3: "mujun.r.ceiling", 8: "mujun.r.floortie", 9: "mujun.r.floortie"} {
			if r := res[i].Reasons; len(r) != 1 || r[0].Key != want {
				t.Errorf("enterprise %d reasons %v, want %s", i, r, want)
			}
		}
		// Enterprise 2 (score 90): class A capped at floor(0.2×10)=2.
		if got := res[2].Reasons[0].In(locale.ZH); got != "A 类名额上限 0.2×10 向下取整 = 2 家，与名额边界同分者一并降为 B 类" {
			t.Errorf("reason %q", got)
		}
	})
	t.Run("rounded scores tie", func(t *testing.T) {
		// 85.004 and 84.996 both round to 85 with decimals = 2 and share
		// rank 2. A holds floor(0.2×10) = 2: 95 and one more, but the cut
		// falls between the tied 85s, so both fall to B.
		s2 := mustScheme(t, "decimals = 2\n"+quotaScheme)
		res := Grade(scored(95, 85.004, 84.996, 70, 65, 60, 50, 45, 42, 30), s2, 2024)
		if got := classes(res); got != "ABBBBBCCCD" || res[1].Score != 85 || res[1].Rank != 2 || res[2].Rank != 2 {
			t.Errorf("classes %s scores %v %v ranks %d %d", got, res[1].Score, res[2].Score, res[1].Rank, res[2].Rank)
		}
		// Unrounded, 85.004 keeps the second place in A.
		if got := classes(Grade(scored(95, 85.004, 84.996, 70, 65, 60, 50, 45, 42, 30), s, 2024)); got != "AABBBBCCCD" {
			t.Errorf("unrounded classes %s", got)
		}
	})
	t.Run("cascading ceilings", func(t *testing.T) {
		// B also capped at floor(0.3×10) = 3: the two from A fall to B, B
		// then holds 2 + 3 = 5 and its two lowest (65, 60) fall to C.
		s2 := mustScheme(t, strings.Replace(quotaScheme, "min_score = 60", "min_score = 60\nmax_share = 0.3", 1))
		res := Grade(scored(95, 90, 85, 85, 70, 65, 60, 50, 45, 42), s2, 2024)
		if got := classes(res); got != "AABBBCCCCD" {
			t.Errorf("classes %s, want AABBBCCCCD", got)
		}
	})
}

func TestOverrides(t *testing.T) {
	s := mustScheme(t, quotaScheme+"[override]\ntax_per_mu_floor = 3\n")
	es := scored(95, 90, 85, 85, 70, 65, 60, 50, 45, 42)
	es[0].Accident = true // 95: an accident → D, fixed
	es[9].Tax = 2.9       // 29 points, 亩均税收 2.9 < 3 → D
	res := Grade(es, s, 2024)
	// n = 10, the two fixed D satisfy the floor of 1; A ≤ 2: 90 and 85, 85
	// tie at the cut, both fall to B.
	if got := classes(res); got != "DABBBBBCCD" {
		t.Errorf("classes %s, want DABBBBBCCD", got)
	}
	if res[0].Rank != 1 || res[0].ByScore != "A" || res[0].Reasons[0].Key != "mujun.r.accident" {
		t.Errorf("accident: rank %d by score %s reasons %v", res[0].Rank, res[0].ByScore, res[0].Reasons)
	}
	if got := res[9].Reasons[0].In(locale.EN); got != "tax per 亩 2.9 is below the floor 3: class D" {
		t.Errorf("tax floor reason %q", got)
	}
}

func TestRollup(t *testing.T) {
	s := mustScheme(t, quotaScheme)
	es := scored(95, 90, 70, 50, 42)
	es[3].Zone, es[4].Zone = "Y", "Y"
	es[4].LandOwned = 3 // 4.2 tax on 3 亩
	res := Grade(es, s, 2024)
	zs := Rollup(es, res)
	// n = 5: A ≤ floor(1) = 1, so 90 falls to B; D ≥ ceil(0.25) = 1: 42 on
	// 3 亩 is 14 per 亩 × 10 = 14 points by score → D already.
	// Zone Z: 9.5 + 9 + 7 = 25.5 tax on 3 亩 = 8.5 per 亩; A 1/3, B 2/3.
	// Zone Y: 5 + 4.2 = 9.2 on 1 + 3 = 4 亩 = 2.3; C 1/2, D 1/2.
	ind := Indicators(zs, s)
	want := map[string]map[string]float64{
		"Z": {"mujun_graded": 3, "mujun_tax_per_mu": 8.5, "mujun_va_per_mu": math.NaN(), "mujun_share_A": 1.0 / 3, "mujun_share_B": 2.0 / 3, "mujun_share_C": 0, "mujun_share_D": 0,
			"mujun_count_A": 1, "mujun_count_B": 2, "mujun_count_C": 0, "mujun_count_D": 0},
		"Y": {"mujun_graded": 2, "mujun_tax_per_mu": 2.3, "mujun_va_per_mu": math.NaN(), "mujun_share_A": 0, "mujun_share_B": 0, "mujun_share_C": 0.5, "mujun_share_D": 0.5,
			"mujun_count_A": 0, "mujun_count_B": 0, "mujun_count_C": 1, "mujun_count_D": 1},
	}
	if d := cmp.Diff(want, ind, approx); d != "" {
		t.Errorf("indicators (-want +got):\n%s", d)
	}
}
