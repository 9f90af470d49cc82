package method

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

const rulesOnly = `title = "开发区考核规则"
[[grade]]
name = "优秀"
max_rank = 3
max_share = 0.3
[[grade]]
name = "合格"

[[management]]
kind = "bottom"
count = 5
times = 2
within = 3
action = "降级预警"
exempt_new_years = 2
exempt_merging = true
then_average_years = 2
then_count = 1

[[management]]
kind = "top"
share = 0.1
action = "升级推荐"
consequences = { "奖补万元" = 500, "扩区优先" = 1 }
`

func TestParseRules(t *testing.T) {
	r, err := ParseRules("r.toml", []byte(rulesOnly))
	if err != nil {
		t.Fatal(err)
	}
	nan := math.NaN()
	want := &Rules{File: "r.toml",
		Grades: []Grade{{Name: "优秀", MinScore: nan, MaxRank: 3, MaxShare: 0.3}, {Name: "合格", MinScore: nan, MaxRank: nan}},
		Management: []Management{
			{Kind: "bottom", Count: 5, Share: nan, Times: 2, Within: 3, Action: "降级预警", ExemptNewYears: 2, ExemptMerging: true,
				ThenAverageYears: 2, ThenCount: 1, path: "management[0]"},
			// times defaults to 1 and within to times.
			{Kind: "top", Share: 0.1, Times: 1, Within: 1, Action: "升级推荐", path: "management[1]",
				Consequences: map[string]float64{"奖补万元": 500, "扩区优先": 1}},
		}}
	if d := cmp.Diff(want, r, cmpopts.EquateNaNs(), cmp.AllowUnexported(Management{})); d != "" {
		t.Error(d)
	}
	if !r.ByRank() {
		t.Error("ByRank = false for max_rank grades")
	}
}

func TestParseRulesWholeMethod(t *testing.T) {
	// A whole method file: parsed and validated as a method, its grades
	// and management tables returned.
	src := base + "[[grade]]\nname = \"优秀\"\nmin_score = 90\n[[management]]\nkind = \"bottom\"\ncount = 1\naction = \"约谈\"\n"
	r, err := ParseRules("m.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Grades) != 1 || len(r.Management) != 1 || r.Management[0].Action != "约谈" || r.ByRank() {
		t.Errorf("got %+v", r)
	}
	// The method's own checks apply: an unknown node is reported.
	if _, err := ParseRules("m.toml", []byte(src+"[[indicator]]\ncode = \"z\"\nparent = \"nope\"\nweight = 1\n")); err == nil {
		t.Error("no error for a bad method file")
	}
	m, err := Parse("m.toml", []byte(src))
	if err != nil || len(m.Management) != 1 {
		t.Fatalf("Parse: %v, %+v", err, m)
	}
}

func TestParseRulesErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"unknown keys", "titel = 1\n[[management]]\nkind = \"bottom\"\ncount = 1\naction = \"a\"\ntimes_ = 2\n",
			[]string{"r.toml:1:1: titel: unknown field", "r.toml:6:1: management[0].times_: unknown field"}},
		{"count and share", "[[management]]\nkind = \"side\"\ncount = 2\nshare = 0.2\n",
			[]string{"r.toml:1:3: management[0].action: required",
				`r.toml:2:1: management[0].kind: must be one of bottom, top, position, found "side"`,
				"r.toml:4:1: management[0].share: give count or share, exactly one of them"}},
		{"neither", "[[management]]\nkind = \"top\"\naction = \"a\"\n",
			[]string{"r.toml:1:3: management[0]: give count or share, exactly one of them"}},
		{"bad numbers", "[[management]]\nkind = \"top\"\nshare = 1.5\ntimes = 3\nwithin = 2\naction = \"a\"\nthen_count = 1\nexempt_new_years = -1\n",
			[]string{"r.toml:3:1: management[0].share: share must be above 0 and at most 1, found 1.5",
				"r.toml:5:1: management[0].within: within (2) cannot be less than times (3)",
				"r.toml:7:1: management[0].then_count: then_count needs then_average_years",
				"r.toml:8:1: management[0].exempt_new_years: must not be negative, found -1"}},
		{"types", "[[management]]\nkind = \"top\"\ncount = 1.5\naction = \"a\"\nexempt_merging = 1\n",
			[]string{"r.toml:1:3: management[0]: give count or share, exactly one of them",
				"r.toml:3:1: management[0].count: expected an integer",
				"r.toml:5:1: management[0].exempt_merging: expected true or false"}},
		{"consequences", "[[management]]\nkind = \"top\"\ncount = 1\naction = \"a\"\nconsequences = { \"奖补\" = \"很多\" }\n",
			[]string{"r.toml:5:18: management[0].consequences.奖补: expected a number"}},
		{"second stage", "[[management]]\nkind = \"bottom\"\ncount = 5\naction = \"a\"\nthen_average_years = 2\n",
			[]string{"r.toml:1:3: management[0].then_count: must be positive, found 0"}},
		{"grade quota", "[[grade]]\nname = \"A\"\nmin_score = 1\nmax_share = 1.2\n",
			[]string{"r.toml:4:1: grade[0].max_share: share must be above 0 and at most 1, found 1.2"}},
		{"syntax", "[[grade]\n", []string{"r.toml:1:8: TOML syntax error"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseRules("r.toml", []byte(tc.src))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("err = %v, want Errors", err)
			}
			var got []string
			for _, e := range es {
				got = append(got, e.Message("en"))
			}
			if tc.name == "syntax" && len(got) == 1 && len(got[0]) > len(tc.want[0]) {
				got[0] = got[0][:len(tc.want[0])]
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Error(d)
			}
		})
	}
}

// TestParseRulesAnyBands: [[grade]] tables are tried from the top and the
// first match wins, so mixed kinds, a band with both conditions and bands
// in any order are all accepted as written.
func TestParseRulesAnyBands(t *testing.T) {
	src := "[[grade]]\nname = \"A\"\nmax_rank = 1\n[[grade]]\nname = \"B\"\nmin_score = 80\nmax_rank = 3\n" +
		"[[grade]]\nname = \"C\"\n[[grade]]\nname = \"D\"\nmin_score = 90\n"
	r, err := ParseRules("r.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, g := range r.Grades {
		names = append(names, g.Name)
	}
	if d := cmp.Diff([]string{"A", "B", "C", "D"}, names); d != "" {
		t.Error(d)
	}
	// B needs both: score 85 with rank 4 is not B but C (the catch-all).
	got := GradeUnits(r.Grades, []float64{99, 85, 85}, []float64{1, 3, 4}, nil, nil)
	if d := cmp.Diff([]string{"A", "B", "C"}, got); d != "" {
		t.Error(d)
	}
}
