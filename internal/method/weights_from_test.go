package method

import (
	"errors"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

const weightsExample = "testdata/weights-ahp-entropy.toml"

// exampleMatrix is the AHP matrix of weightsExample, typed again here so
// that the test does not depend on how the method file's fractions parse.
var exampleMatrix = [][]float64{
	{1, 2, 3, 2, 4},
	{1.0 / 2, 1, 2, 1, 3},
	{1.0 / 3, 1.0 / 2, 1, 1.0 / 2, 2},
	{1.0 / 2, 1, 2, 1, 3},
	{1.0 / 4, 1.0 / 3, 1.0 / 2, 1.0 / 3, 1},
}

func readExample(t *testing.T) (string, *Method) {
	t.Helper()
	src, err := os.ReadFile(weightsExample)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(weightsExample, src)
	if err != nil {
		t.Fatal(err)
	}
	return string(src), m
}

func source(t *testing.T, tr TypeResult, node string) WeightSource {
	t.Helper()
	for _, s := range tr.Sources {
		if s.Node == node {
			return s
		}
	}
	t.Fatalf("type %s: no weight source for %s in %+v", tr.Type, node, tr.Sources)
	return WeightSource{}
}

// TestWeightsFromExample runs the example method (AHP for the five areas,
// entropy on the raw values of the green area) on the Gansu demo data of
// 2022 and checks the weights against the engine's calculators called
// directly, and that the aggregation used them.
func TestWeightsFromExample(t *testing.T) {
	_, m := readExample(t)
	tab, err := xlsx.ReadTable("../../examples/gansu/data-2022.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	d, err := ReadData(m, tab)
	if err != nil {
		t.Fatal(err)
	}
	o, err := Run(m, Input{Data: d, Period: "2022"})
	if err != nil {
		t.Fatal(err)
	}
	ahp, err := engine.AHPWeights(exampleMatrix, engine.PriorityEigen, "saaty1980")
	if err != nil {
		t.Fatal(err)
	}
	if !(ahp.CR > 0 && ahp.CR < 0.1) {
		t.Fatalf("the example matrix should be acceptably but not perfectly consistent: CR = %v", ahp.CR)
	}
	// Entropy on the raw columns as read from the workbook (no imputation,
	// no treatment), min-max standardised in each indicator's direction.
	green := []string{"energy_decline", "air_quality", "forest", "debt_ratio"}
	cols := make([][]float64, len(green))
	for k, code := range green {
		cols[k] = d.Values[code]
	}
	ent, err := engine.EntropyWeights(cols, engine.StandardiseMinMax, []float64{1, 1, 1, -1})
	if err != nil {
		t.Fatal(err)
	}
	areas := []string{"econ", "fiscal", "sector", "welfare", "green"}
	if len(o.Types) != 5 {
		t.Fatalf("%d types", len(o.Types))
	}
	for _, tr := range o.Types {
		t.Run(tr.Type, func(t *testing.T) {
			s := source(t, tr, "total")
			if s.From() != WeightsAHP || !slices.Equal(s.Children, areas) {
				t.Errorf("total: from %s, children %v", s.From(), s.Children)
			}
			if d := cmp.Diff(ahp.Weights, s.Weights, approx); d != "" {
				t.Errorf("AHP weights (-engine +method):\n%s", d)
			}
			if s.AHP.LambdaMax != ahp.LambdaMax || s.AHP.CR != ahp.CR || s.AHP.RI != 1.12 {
				t.Errorf("AHP result %+v, want %+v", s.AHP, ahp)
			}
			g := source(t, tr, "green")
			if g.From() != WeightsEntropy || !slices.Equal(g.Children, green) || g.Units != len(d.Units) || g.Left != nil {
				t.Errorf("green: from %s, children %v, %d units, left %v", g.From(), g.Children, g.Units, g.Left)
			}
			if d := cmp.Diff(ent.Weights, g.Weights, approx); d != "" {
				t.Errorf("entropy weights (-engine +method):\n%s", d)
			}
			if d := cmp.Diff(ent.Entropy, g.Entropy.Entropy, approx); d != "" {
				t.Errorf("entropies (-engine +method):\n%s", d)
			}
			if f := source(t, tr, "econ"); f.From() != WeightsFixed || !slices.Equal(f.Weights, []float64{0.4, 0.3, 0.3}) {
				t.Errorf("econ: %s %v", f.From(), f.Weights)
			}
			// The effective weights and the aggregates use the derived
			// weights: area k's effective weight is its AHP priority, and
			// every member's total is the weighted mean of its areas.
			for k, a := range areas {
				if math.Abs(tr.Weights[a]-ahp.Weights[k]) > 1e-12 {
					t.Errorf("effective weight of %s %v, want %v", a, tr.Weights[a], ahp.Weights[k])
				}
			}
			for k, c := range green {
				if want := ahp.Weights[4] * ent.Weights[k]; math.Abs(tr.Weights[c]-want) > 1e-12 {
					t.Errorf("effective weight of %s %v, want %v", c, tr.Weights[c], want)
				}
			}
			agg := tr.Aggregated
			for r := range tr.Members {
				total, gr := 0.0, 0.0
				for k, a := range areas {
					total += ahp.Weights[k] * agg.Col(a)[r]
				}
				for k, c := range green {
					gr += ent.Weights[k] * agg.Col(c)[r]
				}
				if math.Abs(total-agg.Col("total")[r]) > 1e-9 || math.Abs(gr-agg.Col("green")[r]) > 1e-9 {
					t.Fatalf("member %d: total %v (want %v), green %v (want %v)", r, agg.Col("total")[r], total, agg.Col("green")[r], gr)
				}
			}
		})
	}
}

// TestWeightsFromRejects edits the example and checks that each problem is
// refused at its line, as FILE:LINE: field: message, in English and
// Chinese.
func TestWeightsFromRejects(t *testing.T) {
	src, _ := readExample(t)
	row1 := "  [1,     2,     3,     2,     4],"
	row3 := `  ["1/3", "1/2", 1,     "1/2", 2],`
	tests := []struct {
		name   string
		edits  []string // old, new, old, new …
		at     string   // the error is on the first line holding this text
		want   string   // in the English message; %d is the line
		wantZh string
	}{
		// econ > fiscal > sector > econ: a cycle, reciprocal but inconsistent.
		{"inconsistent matrix", []string{row1, `  [1,     2,     "1/3", 2,     4],`, row3, `  [3,     "1/2", 1,     "1/2", 2],`}, "matrix = [",
			"weights-ahp-entropy.toml:%d: node[0].ahp.matrix: the pairwise matrix of node total (all types) fails the consistency check: CR = ",
			"node[0].ahp.matrix: 节点 total（所有类型）的判断矩阵未通过一致性检验：CR = "},
		// The example's CR is 0.0074: refused under a max_cr of 0.005.
		{"CR above a stricter max_cr", []string{"max_cr = 0.1 ", "max_cr = 0.005 "}, "matrix = [",
			"weights-ahp-entropy.toml:%d: node[0].ahp.matrix: the pairwise matrix of node total (all types) fails the consistency check: CR = 0.0074 ≥ 0.005 (λmax = 5.0331, CI = 0.0083, RI = 1.12, RI table saaty1980)",
			"CR = 0.0074 ≥ 0.005（λmax = 5.0331，CI = 0.0083，RI = 1.12，RI 表 saaty1980）"},
		{"per-type matrix inconsistent", []string{"max_cr = 0.1 ", "max_cr = 0.1\n[node.ahp.matrices]\n\"生态功能型\" = [[1, 9, \"1/9\"], [\"1/9\", 1, 9], [9, \"1/9\", 1]]\n"}, `"生态功能型" =`,
			"weights-ahp-entropy.toml:%d: node[0].ahp.matrices.生态功能型: the pairwise matrix has 3 rows but order lists 5 children", "判断矩阵有 3 行"},
		{"not reciprocal", []string{row3, `  ["1/2", "1/2", 1,     "1/2", 2],`}, `  ["1/2", "1/2", 1,`,
			"weights-ahp-entropy.toml:%d: node[0].ahp.matrix[2][0]: the pairwise matrix of node total is invalid: the pairwise matrix is not reciprocal",
			"判断矩阵不满足互反性"},
		{"not positive", []string{row3, `  ["1/3", "1/2", 1,     "1/2", -2],`}, `-2],`,
			"weights-ahp-entropy.toml:%d: node[0].ahp.matrix[2][4]: the pairwise matrix of node total is invalid: pairwise entry -2 is invalid",
			"应为正数"},
		{"not a fraction", []string{row3, `  ["1/3", "1/2", 1,     "1/0", 2],`}, `"1/0"`,
			"weights-ahp-entropy.toml:%d: node[0].ahp.matrix[2][3]: expected a positive number or a fraction string", "分数"},
		{"child missing from order", []string{`"welfare", "green"]`, `"welfare"]`}, `order = [`,
			"weights-ahp-entropy.toml:%d: node[0].ahp.order: the child green of total is missing from order", "不在 order 中"},
		{"not a child", []string{`order = ["econ",`, `order = ["gdp",`}, `order = [`,
			"weights-ahp-entropy.toml:%d: node[0].ahp.order[0]: \"gdp\" is not a child of total", "不是节点 total 的下级"},
		{"weight under derived weights", []string{"parent = \"total\"\n\n[[node]]\ncode = \"sector\"", "parent = \"total\"\nweight = 20\n\n[[node]]\ncode = \"sector\""}, "weight = 20",
			"weights-ahp-entropy.toml:%d: node[2].weight: the weights under total come from weights_from = \"ahp\": give no weight here", "此处不应再给出权重"},
		{"indicator weight under entropy", []string{"parent = \"green\"\n", "parent = \"green\"\nweights = { \"城市服务型\" = 1 }\n"}, `"城市服务型" = 1 }`,
			"weights-ahp-entropy.toml:%d: indicator[9].weights: the weights under green come from weights_from = \"entropy\"", "此处不应再给出权重"},
		{"unknown priority", []string{`priority = "eigen"`, `priority = "power"`}, `priority = "power"`,
			"weights-ahp-entropy.toml:%d: node[0].ahp.priority: must be one of eigen, sum, geomean", "取值应为"},
		{"matrix of an unknown type", []string{"max_cr = 0.1 ", "max_cr = 0.1\n[node.ahp.matrices]\n\"城市型\" = [[1]]\n"}, `"城市型"`,
			"weights-ahp-entropy.toml:%d: node[0].ahp.matrices.城市型: unknown county type", "未知的县域类型"},
		{"table of another derivation", []string{"[node.entropy]\nstandardise", "[node.critic]\nstandardise"}, "[node.critic]",
			"weights-ahp-entropy.toml:%d: node[5].critic: [critic] is used only with weights_from = \"critic\" (here \"entropy\")", "只在"},
		{"unknown standardisation", []string{"standardise = \"minmax\"\nvalues", "standardise = \"zscore\"\nvalues"}, `standardise = "zscore"`,
			"weights-ahp-entropy.toml:%d: node[5].entropy.standardise: must be one of none, minmax", "取值应为"},
		{"unknown values", []string{"values = \"raw\"\nper_type", "values = \"normalised\"\nper_type"}, `values = "normalised"`,
			"weights-ahp-entropy.toml:%d: node[5].entropy.values: must be one of scores, raw", "取值应为"},
		{"unknown derivation", []string{`weights_from = "entropy"`, `weights_from = "pca"`}, `weights_from = "pca"`,
			"weights-ahp-entropy.toml:%d: node[5].weights_from: must be one of fixed, ahp, entropy, critic", "取值应为"},
		{"ahp without its table", []string{"[node.ahp]\n", "[node.ahpx]\n"}, `weights_from = "ahp"`,
			"weights-ahp-entropy.toml:%d: node[0].weights_from: weights_from = \"ahp\" needs [node.ahp] (order and matrix)", "需要 [node.ahp]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			edited := src
			for i := 0; i < len(tc.edits); i += 2 {
				if !strings.Contains(edited, tc.edits[i]) {
					t.Fatalf("the example has no %q", tc.edits[i])
				}
				edited = strings.Replace(edited, tc.edits[i], tc.edits[i+1], 1)
			}
			_, err := Parse("weights-ahp-entropy.toml", []byte(edited))
			es, ok := err.(Errors)
			if !ok {
				t.Fatalf("error %v (%T), want Errors", err, err)
			}
			want := strings.Replace(tc.want, "%d", strconv.Itoa(lineOf(edited, tc.at)), 1)
			if en := es.Message("en"); !strings.Contains(en, want) {
				t.Errorf("got\n%s\nwant a line containing\n%s", en, want)
			}
			if zh := es.Message("zh"); !strings.Contains(zh, tc.wantZh) {
				t.Errorf("got\n%s\nwant %s", zh, tc.wantZh)
			}
		})
	}
}

func lineOf(src, text string) int {
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, text) {
			return i + 1
		}
	}
	return -1
}

// dataMethod weighs the top node by entropy on its areas' scores, area a by
// AHP with a matrix of its own under 乙, and area b by CRITIC within each
// type.
const dataMethod = `[[type]]
name = "甲"
[[type]]
name = "乙"
[[node]]
code = "total"
weights_from = "entropy"
[[node]]
code = "a"
parent = "total"
weights_from = "ahp"
[node.ahp]
order = ["y", "x"]
matrix = [[1, 3], ["1/3", 1]]
[node.ahp.matrices]
"乙" = [[1, 0.5], [2, 1]]
[[node]]
code = "b"
parent = "total"
weights_from = "critic"
[node.critic]
per_type = true
[[indicator]]
code = "x"
parent = "a"
[[indicator]]
code = "y"
parent = "a"
[[indicator]]
code = "p"
parent = "b"
[[indicator]]
code = "q"
parent = "b"
[[indicator]]
code = "r"
parent = "b"
direction = -1
`

func TestWeightsFromData(t *testing.T) {
	m := mustParse(t, dataMethod)
	nan := math.NaN()
	d := newData([]string{"u1", "u2", "u3", "u4", "u5", "u6"},
		[][]string{{"甲"}, {"甲"}, {"甲", "乙"}, {"乙", "甲"}, {"乙"}, {"乙"}},
		map[string][]float64{
			"x": {1, 5, 3, 8, 2, 6}, "y": {10, 30, 20, 50, 40, 15},
			"p": {3, 1, 4, 1, 5, nan}, "q": {2, 7, 1, 8, 2, 8}, "r": {9, 4, 6, 2, 7, 5},
		})
	o, err := Run(m, Input{Data: d})
	if err != nil {
		t.Fatal(err)
	}
	scored := o.Stages[len(o.Stages)-1].Data
	ahp := map[string][]float64{"甲": {0.75, 0.25}, "乙": {1.0 / 3, 2.0 / 3}}
	all := []int{0, 1, 2, 3, 4, 5}
	for _, tr := range o.Types {
		t.Run(tr.Type, func(t *testing.T) {
			a := source(t, tr, "a")
			if !slices.Equal(a.Children, []string{"y", "x"}) || a.AHP.CR != 0 {
				t.Errorf("a: children %v, CR %v", a.Children, a.AHP.CR)
			}
			if d := cmp.Diff(ahp[tr.Type], a.Weights, approx); d != "" {
				t.Errorf("AHP (-want +got):\n%s", d)
			}
			// CRITIC on the members' scores (benefit: scores point the
			// right way), leaving out u6, whose p is missing.
			var rows []int
			for _, u := range tr.Members {
				if u != 5 {
					rows = append(rows, u)
				}
			}
			cols := [][]float64{pick(scored.Col("p"), rows), pick(scored.Col("q"), rows), pick(scored.Col("r"), rows)}
			crit, err := engine.CRITICWeights(cols, nil)
			if err != nil {
				t.Fatal(err)
			}
			b := source(t, tr, "b")
			if d := cmp.Diff(crit.Weights, b.Weights, approx); d != "" {
				t.Errorf("CRITIC (-want +got):\n%s", d)
			}
			if wantLeft := map[string][]string{"甲": nil, "乙": {"u6"}}[tr.Type]; !slices.Equal(b.Left, wantLeft) || b.Units != len(rows) {
				t.Errorf("b: left %v, %d units", b.Left, b.Units)
			}
			// Entropy (standardise none) on the areas' scores of all units
			// under this type's weights.
			sa, sb := make([]float64, 6), make([]float64, 6)
			for u := range all {
				sa[u] = ahp[tr.Type][0]*scored.Col("y")[u] + ahp[tr.Type][1]*scored.Col("x")[u]
				num, den := 0.0, 0.0
				for k, c := range []string{"p", "q", "r"} {
					if v := scored.Col(c)[u]; !math.IsNaN(v) {
						num, den = num+b.Weights[k]*v, den+b.Weights[k]
					}
				}
				sb[u] = num / den
			}
			ent, err := engine.EntropyWeights([][]float64{sa, sb}, engine.StandardiseNone, nil)
			if err != nil {
				t.Fatal(err)
			}
			top := source(t, tr, "total")
			if d := cmp.Diff(ent.Weights, top.Weights, approx); d != "" {
				t.Errorf("entropy (-want +got):\n%s", d)
			}
			if top.Units != 6 || top.Rule.Values != ValuesScores || top.Rule.Standardise != engine.StandardiseNone {
				t.Errorf("total: %d units, rule %+v", top.Units, top.Rule)
			}
			for k, u := range tr.Members {
				want := ent.Weights[0]*sa[u] + ent.Weights[1]*sb[u]
				if got := tr.Aggregated.Col("total")[k]; math.Abs(got-want) > 1e-9 {
					t.Errorf("unit %s: total %v, want %v", d.Units[u].Code, got, want)
				}
			}
		})
	}
	n := 0
	for _, w := range o.Warnings {
		if w.Kind == "weights" {
			n++
			if !strings.Contains(w.Msg.In(locale.EN), "the weights under b (乙) come from 3 units: 1 units with a missing value are left out (u6)") {
				t.Errorf("warning %s", w.Msg.In(locale.EN))
			}
		}
	}
	if n != 1 {
		t.Errorf("%d weight warnings, want 1", n)
	}

	// Without data: AHP weights are known, entropy and CRITIC ones are not.
	src, err := m.WeightSources("乙")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]float64{}
	for _, s := range src {
		got[s.Node+" "+s.From()] = s.Weights
	}
	want := map[string][]float64{"a ahp": {1.0 / 3, 2.0 / 3}, "b critic": nil, "total entropy": nil}
	if d := cmp.Diff(want, got, approx); d != "" {
		t.Errorf("static sources (-want +got):\n%s", d)
	}
}

func pick(x []float64, rows []int) []float64 {
	out := make([]float64, len(rows))
	for k, r := range rows {
		out[k] = x[r]
	}
	return out
}

// TestWeightsFromRunErrors: what only the data can reveal is an error of
// Run located at the node's weights_from.
func TestWeightsFromRunErrors(t *testing.T) {
	src := strings.Replace(dataMethod, "[node.critic]\nper_type = true", "[node.critic]\nvalues = \"raw\"", 1)
	src = strings.Replace(src, "weights_from = \"critic\"", "weights_from = \"entropy\"", 1)
	src = strings.Replace(src, "[node.critic]", "[node.entropy]", 1)
	m := mustParse(t, src)
	d := newData([]string{"u1", "u2", "u3"}, [][]string{{"甲"}, {"甲"}, {"乙"}},
		map[string][]float64{"x": {1, 2, 3}, "y": {1, 2, 3}, "p": {1, -2, 3}, "q": {1, 2, 3}, "r": {1, 2, 3}})
	_, err := Run(m, Input{Data: d})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T), want *Error", err, err)
	}
	want := `t.toml:20: node[2].weights_from: the weights under b (甲) cannot be derived by the entropy method: negative value -2: entropy with standardise = "none" needs values ≥ 0; use standardise = "minmax" (unit u2, child p)`
	if got := e.Message("en"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := e.Message("zh"); !strings.Contains(got, "t.toml:20: node[2].weights_from: 节点 b（甲）的下级权重无法由熵权法求得：数值 -2 为负") {
		t.Errorf("got %s", got)
	}

	// values = "raw" needs indicators below the node.
	_, err = Parse("t.toml", []byte(strings.Replace(dataMethod, "code = \"total\"\nweights_from = \"entropy\"",
		"code = \"total\"\nweights_from = \"entropy\"\n[node.entropy]\nvalues = \"raw\"", 1)))
	if err == nil || !strings.Contains(err.Error(), `t.toml:9: node[0].entropy.values: values = "raw" needs indicators only below the node, but total has the node a below it`) {
		t.Errorf("raw over nodes: %v", err)
	}
}

// FuzzParseWeights: the weight derivations never make Parse panic, and a
// method that parses has a tree and weight sources for every type.
func FuzzParseWeights(f *testing.F) {
	f.Add(dataMethod)
	if src, err := os.ReadFile(weightsExample); err == nil {
		f.Add(string(src))
	}
	f.Fuzz(func(t *testing.T, src string) {
		m, err := Parse("f.toml", []byte(src))
		if err != nil {
			return
		}
		for _, ty := range m.Types {
			if _, err := m.WeightSources(ty.Name); err != nil {
				t.Fatalf("valid method gives no weight sources for %s: %v", ty.Name, err)
			}
		}
	})
}

// TestWeightsFromEmptyType: a type no unit declares cannot have CRITIC
// weights within it; its placeholder equal weights stand, without error.
func TestWeightsFromEmptyType(t *testing.T) {
	m := mustParse(t, "[[type]]\nname = \"丙\"\n"+dataMethod)
	d := newData([]string{"u1", "u2", "u3"}, [][]string{{"甲"}, {"甲", "乙"}, {"乙"}},
		map[string][]float64{"x": {1, 2, 3}, "y": {3, 1, 2}, "p": {1, 2, 3}, "q": {3, 2, 2}, "r": {1, 3, 2}})
	o, err := Run(m, Input{Data: d})
	if err != nil {
		t.Fatal(err)
	}
	b := source(t, o.Types[0], "b")
	if o.Types[0].Type != "丙" || b.Units != 0 || !slices.Equal(b.Weights, []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}) {
		t.Errorf("type %s: b %+v", o.Types[0].Type, b)
	}
}
