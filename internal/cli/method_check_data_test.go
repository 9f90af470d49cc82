package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cliffMethod: z all-or-nothing (target 5: 100, else 60) and y completion
// falling back to efficacy without targets, equal weights.
const cliffMethod = `title = "悬崖"
[[type]]
name = "甲"
[[node]]
code = "total"
[[indicator]]
code = "z"
parent = "total"
weight = 1
[indicator.score]
rule = "all_or_nothing"
target = 5
zero = 60
[[indicator]]
code = "y"
parent = "total"
weight = 1
[indicator.score]
rule = "completion"
[indicator.score.fallback]
rule = "efficacy"
[[award]]
name = "进步"
kind = "rise"
count = 1
`

func TestMethodCheckData(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	m := write("m.toml", cliffMethod)
	d := write("d-2022.csv", "代码,名称,类型,z,y\n620121,一县,甲,4.99,1\n620122,二县,甲,6,2\n620123,三县,甲,10,3\n")
	// Without --data the method check warns of nothing.
	code, out, stderr := runCLI(t, "method", "check", m)
	if code != 0 || strings.Contains(out, "提示") {
		t.Fatalf("exit %d: %s%s", code, out, stderr)
	}
	code, out, stderr = runCLI(t, "method", "check", "--data", d, m)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// y has no targets this year: it falls back to efficacy. z's range is
	// 10 − 4.99 = 5.01; 1 % of it, 0.0501, lifts 一县 over the target: z's
	// score 60 → 100 moves its total by 40/2 = 20 points.
	for _, want := range []string{"提示：指标 y 没有任何目标值，改用 efficacy 规则评分",
		"提示：指标 z（规则 all_or_nothing）：单位 620121 一县 的数值 4.99 变动 0.0501（全距的 1%），总分变动 20 分，超过 0.5 分"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "提示："); n != 2 {
		t.Errorf("%d warnings, want 2:\n%s", n, out)
	}

	// rise_baseline = "rescored": last year's data (z 10, 6, 4.99: ranks
	// 1, 2, 3) re-scored; this year 三县 ranks 1st, 二县 2nd, 一县 3rd, so
	// 三县 rises 2 places against last year re-scored.
	mr := write("mr.toml", "rise_baseline = \"rescored\"\n"+cliffMethod)
	last := write("d-2021.csv", "代码,名称,类型,z,y\n620121,一县,甲,10,3\n620122,二县,甲,6,2\n620123,三县,甲,4.99,1\n")
	prev := write("prev.csv", "unit,node,level,score,rank\n620121,total,1,1,3\n620122,total,1,1,2\n620123,total,1,1,1\n")
	code, out, stderr = runMethodEval(t, "--method", mr, "--data", d, "--previous", prev, "--out", filepath.Join(dir, "r.csv"))
	if code != 2 || !strings.Contains(stderr, "--previous-data") {
		t.Errorf("rescored without --previous-data: exit %d, %s", code, stderr)
	}
	code, out, stderr = runMethodEval(t, "--method", mr, "--data", d, "--previous", prev, "--previous-data", last, "--out", filepath.Join(dir, "r.csv"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"进步：三县(↑2)", "说明：名次变化以上年数据按本办法重算的名次（上年同口径）为基准"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
