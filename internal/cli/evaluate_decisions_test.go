package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvaluateDecisions: 二县 and 三县 tie at 80 (whole points) for the
// last place of 十强 (count 2); nothing in the method breaks the tie, so
// both are 待认定 in the summary and in the awards column, until a
// decisions table gives the place to 三县.
func TestEvaluateDecisions(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	m := write("m.toml", `title = "并列"
decimals = 0
[[type]]
name = "甲"
[[node]]
code = "total"
[[indicator]]
code = "x"
parent = "total"
weight = 1
[indicator.score]
rule = "panel"
[[award]]
name = "十强"
kind = "overall"
count = 2
`)
	d := write("d-2022.csv", "代码,名称,类型,x\n620121,一县,甲,90\n620122,二县,甲,80\n620123,三县,甲,80\n")
	out := filepath.Join(dir, "r.csv")
	code, stdout, stderr := runMethodEval(t, "--method", m, "--data", d, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "十强：一县；待认定（1 个名额）：二县、三县") {
		t.Errorf("summary:\n%s", stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "620123,total,2,80,2,,,0,待认定:十强\n") {
		t.Errorf("result:\n%s", b)
	}
	dec := write("dec.csv", "奖项,类型,单位代码,会议纪要\n十强,,620123,2023年第3次会议纪要\n")
	code, stdout, stderr = runMethodEval(t, "--method", m, "--data", d, "--decisions", dec, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "十强：一县、三县") || !strings.Contains(stdout, "按评价办公室认定（2023年第3次会议纪要）") {
		t.Errorf("summary:\n%s", stdout)
	}
	bad := write("bad.csv", "奖项,类型,单位代码,会议纪要\n十佳,,620123,纪要\n")
	code, _, stderr = runMethodEval(t, "--method", m, "--data", d, "--decisions", bad, "--out", out)
	if code != 2 || !strings.Contains(stderr, "bad.csv:2:1: ") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}
