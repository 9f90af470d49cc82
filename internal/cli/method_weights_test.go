package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// weightsMethod uses AHP for the five areas and entropy within the green
// area (see internal/method/testdata).
const weightsMethod = "../method/testdata/weights-ahp-entropy.toml"

func TestMethodCheckWeightSources(t *testing.T) {
	code, stdout, stderr := run(t, "method", "check", weightsMethod)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"  total 综合得分 的下级：层次分析法（AHP），优先级 eigen，RI 表 saaty1980，CR 上限 0.1\n",
		"    所有类型：econ 0.3760  fiscal 0.2147  sector 0.1209  welfare 0.2147  green 0.0738\n",
		"      λmax = 5.0331  CI = 0.0083  RI = 1.12  CR = 0.0074 < 0.1\n",
		"  green 绿色发展与风险防控 的下级：熵权法（standardise = minmax, values = raw, 全部单位）：运行时由当年数据计算\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check output:\n%s\nwant the line\n%s", stdout, want)
		}
	}
	// The area weights are the AHP priorities; below green they are
	// unknown until a run.
	for _, line := range strings.Split(stdout, "\n") {
		switch {
		case strings.HasPrefix(line, "  econ 经济发展") && strings.Count(line, "37.60") != 5,
			strings.HasPrefix(line, "    forest 森林覆盖率") && strings.Count(line, "—") != 5:
			t.Errorf("line %q", line)
		}
	}

	// An inconsistent matrix fails the check at its line.
	src, err := os.ReadFile(weightsMethod)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(src), `["1/4", "1/3", "1/2", "1/3", 1]`, `[4,     "1/3", "1/2", "1/3", 1]`, 1)
	bad = strings.Replace(bad, "[1,     2,     3,     2,     4]", `[1,     2,     3,     2,     "1/4"]`, 1)
	path := filepath.Join(t.TempDir(), "m.toml")
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = run(t, "method", "check", "--lang", "en", path)
	want := path + ":44: node[0].ahp.matrix: the pairwise matrix of node total (all types) fails the consistency check: CR = "
	if code != 2 || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stderr\n%s\nwant\n%s…", code, stderr, want)
	}
}

func TestEvaluateWeightSources(t *testing.T) {
	dir := t.TempDir()
	js := filepath.Join(dir, "r.json")
	args := []string{"evaluate", "--method", weightsMethod, "--data", "../../examples/gansu/data-2022.xlsx"}
	if code, _, stderr := run(t, append(args, "--out", js)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Sources map[string][]struct {
			Node    string             `json:"node"`
			From    string             `json:"from"`
			Weights map[string]float64 `json:"weights"`
			CR      *float64           `json:"cr"`
			Entropy map[string]float64 `json:"entropy"`
			Units   int                `json:"units"`
		} `json:"weight_sources"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range doc.Sources["农业优先型"] {
		got[s.Node] = s.From
		switch s.From {
		case "ahp":
			if s.CR == nil || *s.CR >= 0.1 || len(s.Weights) != 5 {
				t.Errorf("ahp source %+v", s)
			}
		case "entropy":
			if len(s.Entropy) != 4 || len(s.Weights) != 4 || s.Units != 86 {
				t.Errorf("entropy source %+v", s)
			}
		}
	}
	want := map[string]string{"total": "ahp", "green": "entropy", "econ": "fixed", "fiscal": "fixed", "sector": "fixed", "welfare": "fixed"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("weight sources (-want +got):\n%s", d)
	}

	xl := filepath.Join(dir, "r.xlsx")
	if code, _, stderr := run(t, append(args, "--out", xl)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	w, err := xlsx.ReadTable(xl, "权重")
	if err != nil {
		t.Fatal(err)
	}
	col := w.Col("权重来源")
	labels := map[string]string{}
	for _, r := range w.Rows {
		labels[r[0]] = r[col]
	}
	if labels["econ"] != "层次分析法（AHP）（eigen，RI 表 saaty1980，CR 上限 0.1）" ||
		labels["forest"] != "熵权法（standardise = minmax，原始数值，全部单位）" || labels["gdp"] != "固定权重" {
		t.Errorf("权重来源 column: %v", labels)
	}
	s, err := xlsx.ReadTable(xl, "权重来源")
	if err != nil {
		t.Fatal(err)
	}
	// Five types × (5 areas + 3 + 2 + 2 + 2 + 4 indicators) = 90 rows.
	if len(s.Rows) != 90 || s.Rows[0][0] != "total" || s.Rows[0][4] != "econ" || s.Rows[0][s.Col("CR")] == "" {
		t.Errorf("权重来源 sheet: %d rows, first %v", len(s.Rows), s.Rows[0])
	}
}
