package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// runMethodEval runs runEvaluateMethod as the evaluate command does once
// the arguments contain --method, and returns exit code, stdout, stderr.
func runMethodEval(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	e.lang = locale.Detect(langFlag(args), e.getenv)
	code := e.report(runEvaluateMethod(context.Background(), e, args))
	return code, out.String(), errb.String()
}

const smallMethod = `title = "小测试"
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
weight = 1
[[indicator]]
code = "y"
parent = "a"
weight = 1
weights = { "乙" = 3 }
[indicator.score]
rule = "completion"
cap = 1.2
[[event]]
type = "事故"
effect = "deduct"
points = 1
max = 3
[[event]]
type = "否决"
effect = "veto"
[[award]]
name = "十强"
kind = "overall"
count = 2
[[award]]
name = "先进"
kind = "per_type"
count = 1
[[award]]
name = "进步"
kind = "rise"
count = 1
exclude_kinds = ["市辖区"]
`

// smallFiles writes the method and its inputs; the expected scores are
// worked out in internal/method's TestRunAwards (first case).
func smallFiles(t *testing.T) (dir string) {
	dir = t.TempDir()
	files := map[string]string{
		"m.toml": smallMethod,
		"data-2022.csv": "代码,名称,类型,类型2,x,y\n" +
			"620102,甲区,甲,,10,8\n620121,乙县,甲,乙,6,15\n620122,丙县,乙,,2,5\n620181,丁市,甲,,8,10\n",
		"events.csv": "单位代码,日期,事件类型,提供部门,文号,备注\n" +
			"620121,2022-03-01,事故,应急厅,甘应急〔2022〕1号,示例数据\n620121,2022-04-01,事故,应急厅,甘应急〔2022〕2号,示例数据\n" +
			"620102,2022-05-01,否决,应急厅,甘应急〔2022〕3号,示例数据\n",
		"targets.csv": "单位代码,指标,目标值,备注\n620102,y,10,\n620121,y,10,\n620122,y,5,\n620181,y,20,\n",
		"prev.csv": "unit,node,level,score,rank,group,group_rank,vetoed,awards\n" +
			"620102,total,2,1,4,,,0,\n620121,total,2,1,2,,,0,\n620122,total,2,1,3,,,0,\n620122,total,2,1,1,乙,1,0,\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func smallArgs(dir, out string) []string {
	return []string{"--method", filepath.Join(dir, "m.toml"), "--data", filepath.Join(dir, "data-2022.csv"),
		"--events", filepath.Join(dir, "events.csv"), "--targets", filepath.Join(dir, "targets.csv"),
		"--previous", filepath.Join(dir, "prev.csv"), "--out", out}
}

func TestEvaluateMethodCSV(t *testing.T) {
	dir := smallFiles(t)
	out := filepath.Join(dir, "r.csv")
	code, stdout, stderr := runMethodEval(t, smallArgs(dir, out)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// 乙县 and 丙县 both rise one place; ties = "break" (the default) puts
	// the better current rank first (1 before 2), so 乙县 alone is 进步.
	for _, want := range []string{"小测试 2022（示例数据）", "十强：乙县、丙县", "先进（甲）：乙县", "先进（乙）：乙县", "进步：乙县(↑1)", "一票否决"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	head, rows := readLong(t, out)
	if got := strings.Join(head, ","); got != "unit,node,level,score,rank,group,group_rank,vetoed,awards,period,rank_change" {
		t.Fatalf("header %s", got)
	}
	got := map[string]string{}
	for _, r := range rows {
		got[r[0]+"/"+r[1]+"/"+r[5]] = strings.Join(r, ",")
	}
	want := map[string]string{
		// indicator rows: x efficacy 80 ranks 3rd of 4; y 150 % capped at 120 ranks 1st.
		"620121/x/": "620121,x,1,80,3,,,0,十强;先进(甲);先进(乙);进步,2022,",
		"620121/y/": "620121,y,1,120,1,,,0,十强;先进(甲);先进(乙);进步,2022,",
		// type rows: the area before deductions, the top node after them.
		"620121/a/甲":     "620121,a,2,100,,甲,1,0,十强;先进(甲);先进(乙);进步,2022,",
		"620121/total/甲": "620121,total,3,98,,甲,1,0,十强;先进(甲);先进(乙);进步,2022,",
		"620121/total/乙": "620121,total,3,108,,乙,1,0,十强;先进(甲);先进(乙);进步,2022,",
		// overall rows with the rank change; the vetoed district wins nothing.
		"620121/total/": "620121,total,3,98,1,,,0,十强;先进(甲);先进(乙);进步,2022,1",
		"620102/total/": "620102,total,3,90,2,,,1,,2022,2",
		"620181/total/": "620181,total,3,70,4,,,0,,2022,",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s:\n got %s\nwant %s", k, got[k], w)
		}
	}
	// 4 units × 2 indicators + 5 type memberships × 2 aggregates + 4 overall rows.
	if len(rows) != 8+10+4 {
		t.Errorf("%d rows, want 22", len(rows))
	}
}

func TestEvaluateMethodJSONAndXLSX(t *testing.T) {
	dir := smallFiles(t)
	js := filepath.Join(dir, "r.json")
	if code, _, stderr := runMethodEval(t, smallArgs(dir, js)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Sample bool `json:"sample"`
		Units  []struct {
			Code       string   `json:"code"`
			Score      float64  `json:"score"`
			RankChange *float64 `json:"rank_change"`
			Awards     []string `json:"awards"`
		} `json:"units"`
	}
	b, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if !doc.Sample || len(doc.Units) != 4 || doc.Units[1].Score != 98 || doc.Units[3].RankChange != nil {
		t.Errorf("json: %+v", doc)
	}
	xl := filepath.Join(dir, "r.xlsx")
	if code, _, stderr := runMethodEval(t, smallArgs(dir, xl)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	tab, err := xlsx.ReadTable(xl, "获奖名单")
	if err != nil {
		t.Fatal(err)
	}
	// Sample data: a last column marks every row.
	if last := len(tab.Header) - 1; tab.Header[last] != "数据说明" || !strings.HasPrefix(tab.Rows[0][last], "示例数据") {
		t.Errorf("no 示例数据 column: %v / %v", tab.Header, tab.Rows[0])
	}
	var lines []string
	for _, r := range tab.Rows {
		lines = append(lines, strings.Join(r[:5], " "))
	}
	want := []string{"十强  1 620121 乙县", "十强  2 620122 丙县", "十强   620102 甲区", "先进 甲 1 620121 乙县",
		"先进 乙 1 620121 乙县", "进步  1 620121 乙县", "进步   620102 甲区"}
	if d := cmp.Diff(want, lines); d != "" {
		t.Errorf("获奖名单 (-want +got)\n%s", d)
	}
	for _, sheet := range []string{"综合排名", "分类排名-甲", "分类排名-乙", "各指标得分", "原始数据", "汇总-甲", "权重", "方法", "说明"} {
		if _, err := xlsx.ReadTable(xl, sheet); err != nil {
			t.Errorf("sheet %s: %v", sheet, err)
		}
	}
}

func TestEvaluateMethodErrors(t *testing.T) {
	tests := []struct {
		name   string
		file   string // replaced in smallFiles' directory
		body   string
		lang   string
		stderr string
	}{
		{"method error located", "m.toml", strings.Replace(smallMethod, "cap = 1.2", "cap = -1", 1), "",
			"m.toml:24: indicator[1].score.cap: 应为正数，实际为 -1"},
		{"method error in English", "m.toml", strings.Replace(smallMethod, `kind = "rise"`, `kind = "best"`, 1), "en",
			`m.toml:43: award[2].kind: must be one of overall, per_type, rise, found "best"`},
		{"unknown type in the data", "data-2022.csv", "代码,名称,类型,类型2,x,y\n620102,甲区,丙,,10,8\n", "",
			`data-2022.csv:2:3: 未知的县域类型 "丙"（方法中未定义）`},
		{"non-numeric cell", "data-2022.csv", "代码,名称,类型,类型2,x,y\n620102,甲区,甲,,十,8\n", "",
			`data-2022.csv:2:5: 应为数值，实际为 "十"`},
		{"unknown event type", "events.csv", "单位代码,日期,事件类型,提供部门,文号,备注\n620102,2022-01-01,火灾,应急厅,1号,\n", "",
			`events.csv:2:3: 未知的事件类型 "火灾"（方法中未定义）`},
		{"unknown unit in targets", "targets.csv", "单位代码,指标,目标值,备注\n999999,y,1,\n", "",
			`targets.csv:2:1: 未知的单位代码 "999999"（数据中没有）`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := smallFiles(t)
			if err := os.WriteFile(filepath.Join(dir, tc.file), []byte(tc.body), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "r.csv")
			args := smallArgs(dir, out)
			if tc.lang != "" {
				args = append(args, "--lang", tc.lang)
			}
			code, _, stderr := runMethodEval(t, args...)
			if code != 2 {
				t.Fatalf("exit %d, want 2; stderr %s", code, stderr)
			}
			if !strings.Contains(stderr, filepath.Join(dir, tc.stderr)) {
				t.Errorf("stderr:\n%s\nwant a line %s", stderr, tc.stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("output written despite the error")
			}
		})
	}
}

func TestMethodCheckAndFromCOINr(t *testing.T) {
	code, stdout, stderr := run(t, "method", "check", "../../examples/gansu/method.toml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// 地区生产总值 under 城市服务型: area 30 of 100 points (30 + 20 + 15 + 5 + 15 + 15),
	// 10 of the area's 36 points (10 + 6 + 4 + 4 + 6 + 6): 30 × 10/36 = 8.33.
	if !strings.Contains(stdout, "gdp 地区生产总值 [level_growth]") || !strings.Contains(stdout, "8.33") {
		t.Errorf("check output:\n%s", stdout)
	}
	out := filepath.Join(t.TempDir(), "asem.toml")
	code, _, stderr = run(t, "method", "from-coinr", "--imeta", asem+"/ASEM_iMeta.csv", "-o", out)
	if code != 0 {
		t.Fatalf("from-coinr exit %d: %s", code, stderr)
	}
	code, stdout, stderr = run(t, "method", "check", out)
	if code != 0 {
		t.Fatalf("check of the converted method: exit %d: %s", code, stderr)
	}
	// ASEM's index is the mean of two sub-indices.
	if !strings.Contains(stdout, "Index") || !strings.Contains(stdout, "50.00") {
		t.Errorf("converted method:\n%s", stdout)
	}
}

// TestMethodFromCOINrReproducesCOINr converts ASEM's iMeta (treatment
// default, no denominators), runs the method on ASEM's data and compares
// every indicator score and aggregate with COINr's "simple" pipeline
// (qTreat → minmax 0–100 → amean): the method path must agree with the
// engine to 1e-9 on a 4-level hierarchy.
func TestMethodFromCOINrReproducesCOINr(t *testing.T) {
	dir := t.TempDir()
	m := filepath.Join(dir, "asem.toml")
	code, _, stderr := run(t, "method", "from-coinr", "--imeta", asem+"/ASEM_iMeta.csv", "--treat", "default", "--denominate=false", "-o", m)
	if code != 0 {
		t.Fatalf("from-coinr: exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "r.csv")
	code, _, stderr = runMethodEval(t, "--method", m, "--data", asem+"/ASEM_iData.csv", "--out", out)
	if code != 0 {
		t.Fatalf("evaluate: exit %d: %s", code, stderr)
	}
	head, want := readLong(t, asem+"/expected/simple/dset_Aggregated.csv")
	_, rows := readLong(t, out)
	got := map[string]string{}
	for _, r := range rows {
		// indicators (group empty) and aggregates of the only type; the
		// top node's overall row repeats its type row.
		if r[5] != "" || r[2] == "1" {
			got[r[0]+"/"+r[1]] = r[3]
		}
	}
	n := 0
	for _, r := range want {
		for i, col := range head[1:] {
			w, _ := table.ParseNumber(r[i+1])
			g, ok := got[r[0]+"/"+col]
			if !ok {
				t.Fatalf("%s/%s missing from the output", r[0], col)
			}
			gv, _ := table.ParseNumber(g)
			if (math.IsNaN(w) != math.IsNaN(gv)) || math.Abs(w-gv) > 1e-9 {
				t.Errorf("%s/%s = %v, COINr %v", r[0], col, gv, w)
			}
			n++
		}
	}
	if n < 51*50 {
		t.Errorf("compared only %d values", n)
	}
}
