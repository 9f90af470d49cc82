package method

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// base is a small valid method; tests append to it or replace its lines.
const base = `title = "测试"
decimals = 2
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
code = "x"
parent = "a"
weight = 2
weights = { "乙" = 3 }
[[indicator]]
code = "y"
parent = "a"
weight = 1
[indicator.score]
rule = "completion"
cap = 1.2
[[indicator]]
code = "g"
[[event]]
type = "事故"
effect = "deduct"
points = 1
max = 3
[[award]]
name = "十强"
kind = "overall"
count = 10
`

func TestParseValid(t *testing.T) {
	m, err := Parse("m.toml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	if m.Decimals != 2 || len(m.Types) != 2 || m.Root() != "total" || m.Overall != "primary" {
		t.Errorf("parsed %+v", m)
	}
	y := m.indicator("y")
	if y.Score.Rule != RuleCompletion || y.Score.Cap != 1.2 || y.Score.Full != 100 {
		t.Errorf("rule of y = %+v", y.Score)
	}
	if x := m.indicator("x"); x.Score.Rule != RuleEfficacy || x.Score.Satisfactory.Stat != "best" {
		t.Errorf("default rule of x = %+v", x.Score)
	}
	if w := m.weightOf("x", "乙"); w != 3 {
		t.Errorf("weight of x under 乙 = %v, want 3", w)
	}
	if w := m.weightOf("x", "甲"); w != 2 {
		t.Errorf("weight of x under 甲 = %v, want 2", w)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // rendered in English
	}{
		{"syntax", "title = \n", []string{"m.toml:1: TOML syntax error:"}},
		{"unknown top-level key", "colour = 1\n" + base, []string{"m.toml:1: colour: unknown field"}},
		{"unknown indicator in rule", strings.Replace(base, `code = "g"`, `code = "g"
parent = "a"
weight = 1
[indicator.score]
rule = "level_growth"
growth = "nope"
level_weight = 40
growth_weight = 60`, 1), []string{`m.toml:31: indicator[2].score.growth: unknown indicator "nope"`}},
		{"unknown type in weights", strings.Replace(base, `weights = { "乙" = 3 }`, `weights = { "丙" = 3 }`, 1),
			[]string{`m.toml:17: indicator[0].weights.丙: unknown county type "丙"`}},
		{"unknown parent", strings.Replace(base, "parent = \"a\"\nweight = 2", "parent = \"b\"\nweight = 2", 1),
			[]string{`m.toml:15: indicator[0].parent: unknown node "b"`}},
		{"negative weight and bad direction together", strings.Replace(base, "weight = 2\n", "weight = -2\ndirection = 0\n", 1),
			[]string{"m.toml:16: indicator[0].weight: must not be negative, found -2",
				"m.toml:17: indicator[0].direction: direction must be 1 or -1, found 0"}},
		// 1e308 is a float64, but two such weights sum to +Inf and a score
		// times it overflows: every total above would be blank. (inf itself
		// is refused by the reader as not a number.)
		{"overflowing weights", strings.Replace(strings.Replace(base, "weight = 2\n", "weight = 1e308\n", 1),
			`weights = { "乙" = 3 }`, `weights = { "乙" = 1.5e9 }`, 1),
			[]string{"m.toml:16: indicator[0].weight: a weight must not exceed 1e+09, found 1e+308",
				"m.toml:17: indicator[0].weights.乙: a weight must not exceed 1e+09, found 1.5e+09"}},
		{"wrong type", strings.Replace(base, "cap = 1.2", `cap = "high"`, 1),
			[]string{"m.toml:24: indicator[1].score.cap: expected a number"}},
		{"misspelt rule parameter", strings.Replace(base, "cap = 1.2", "capp = 1.2", 1),
			[]string{"m.toml:24: indicator[1].score.capp: unknown field"}},
		{"unknown rule", strings.Replace(base, `rule = "completion"`, `rule = "magic"`, 1),
			[]string{`m.toml:23: indicator[1].score.rule: must be one of efficacy, completion, all_or_nothing, rank, average_diff, level_growth, panel, normalise, found "magic"`}},
		{"efficacy bounds against direction", strings.Replace(base, "weights = { \"乙\" = 3 }", "weights = { \"乙\" = 3 }\n[indicator.score]\nsatisfactory = 0\nunacceptable = 10", 1),
			[]string{"m.toml:19: indicator[0].score.satisfactory: the satisfactory and unacceptable values contradict the direction (1: satisfactory must be > the unacceptable value)"}},
		{"rank without step", strings.Replace(base, "rule = \"completion\"\ncap = 1.2", "rule = \"rank\"", 1),
			[]string{"m.toml:22: indicator[1].score.step: required"}},
		{"event without points", strings.Replace(base, "points = 1\n", "", 1),
			[]string{"m.toml:27: event[0].points: required"}},
		{"bad effect", strings.Replace(base, `effect = "deduct"`, `effect = "fine"`, 1),
			[]string{`m.toml:29: event[0].effect: must be one of deduct, bonus, veto, disqualify, cap_grade, found "fine"`}},
		{"award", strings.Replace(base, "count = 10", "count = 0\nexclude_kinds = [\"乡\"]", 1),
			[]string{"m.toml:35: award[0].count: must be positive, found 0",
				`m.toml:36: award[0].exclude_kinds[0]: unknown division kind "乡" (known: 市辖区, 县, 县级市)`}},
		{"two roots", strings.Replace(base, "code = \"a\"\nparent = \"total\"", "code = \"a\"", 1),
			[]string{"m.toml:7: node: the hierarchy needs exactly one top node (a node without parent), found 2"}},
		{"duplicate code", strings.Replace(base, `code = "g"`, `code = "x"`, 1),
			[]string{`m.toml:26: indicator[2].code: code "x" is duplicated`}},
		{"zero weights for a type", strings.Replace(strings.Replace(base, "weight = 1\n[indicator.score]", "weight = 1\nweights = { \"乙\" = 0 }\n[indicator.score]", 1), `{ "乙" = 3 }`, `{ "乙" = 0 }`, 1),
			[]string{"m.toml:9: node[1]: under type 乙, the children of a all have weight 0"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("m.toml", []byte(tc.src))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("err = %v, want Errors", err)
			}
			var got []string
			for _, e := range es {
				got = append(got, e.Message("en"))
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d errors:\n%s\nwant:\n%s", len(got), strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("error %d:\n got %s\nwant %s", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestErrorsInChinese(t *testing.T) {
	_, err := Parse("m.toml", []byte(strings.Replace(base, `code = "g"`, `code = "x"`, 1)))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatal(err)
	}
	want := `m.toml:26: indicator[2].code: 代码 "x" 重复`
	if got := es.Message("zh"); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	// The command line prints them as located table errors.
	if d := cmp.Diff(want, es.Table(locale.ZH)[0].Format(locale.ZH)); d != "" {
		t.Error(d)
	}
}

func TestExampleMethodParses(t *testing.T) {
	src, err := os.ReadFile("../../examples/gansu/method.toml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse("method.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(m.scored()); got != 28 {
		t.Errorf("%d scored indicators, want 28", got)
	}
	if len(m.Types) != 5 || len(m.Awards) != 3 || len(m.Events) != 7 || len(m.Thresholds) != 1 {
		t.Errorf("types %d, awards %d, events %d", len(m.Types), len(m.Awards), len(m.Events))
	}
	// Every type's area weights sum to 100, so the effective weights of
	// the areas are the weights divided by 100.
	for _, ty := range m.Types {
		tree, err := m.Tree(ty.Name)
		if err != nil {
			t.Fatal(err)
		}
		w := tree.EffectiveWeights()
		sum := 0.0
		for _, a := range []string{"econ", "fiscal", "industry", "sector", "welfare", "green"} {
			sum += w[a]
			if got, raw := w[a], m.weightOf(a, ty.Name)/100; got-raw > 1e-12 || raw-got > 1e-12 {
				t.Errorf("%s %s: effective weight %v, want %v", ty.Name, a, got, raw)
			}
		}
		if sum < 1-1e-12 || sum > 1+1e-12 {
			t.Errorf("%s: area weights sum to %v", ty.Name, sum)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(base)
	f.Add("[[indicator]]\ncode = 1\n[indicator.score]\nrule = \"x\"\n")
	f.Add("a.b.c = [1, {d = 2}]\n[[a.e]]\n")
	if src, err := os.ReadFile("../../examples/gansu/method.toml"); err == nil {
		f.Add(string(src))
	}
	f.Fuzz(func(t *testing.T, src string) {
		m, err := Parse("f.toml", []byte(src))
		if err == nil {
			if m == nil {
				t.Fatal("nil method without error")
			}
			for _, ty := range m.Types {
				if _, err := m.Tree(ty.Name); err != nil {
					t.Fatalf("valid method gives no tree for %s: %v", ty.Name, err)
				}
			}
			return
		}
		var es Errors
		if !errors.As(err, &es) || len(es) == 0 {
			t.Fatalf("error is not Errors: %v", err)
		}
	})
}

// TestParseRefusesHugeSource: a method file over MaxSourceBytes is refused
// before TOML parsing, from bytes and from a path.
func TestParseRefusesHugeSource(t *testing.T) {
	src := []byte("title = \"x\"\n# " + strings.Repeat("x", MaxSourceBytes) + "\n")
	_, err := Parse("huge.toml", src)
	if err == nil || err.Error() != "huge.toml: the method file is over the limit of 4194304 bytes" {
		t.Errorf("Parse: %v", err)
	}
	p := filepath.Join(t.TempDir(), "huge.toml")
	if err := os.WriteFile(p, src, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadSource(p); err == nil || !strings.Contains(err.Error(), "over the limit of 4194304 bytes") {
		t.Errorf("ReadSource: %v", err)
	}
}
