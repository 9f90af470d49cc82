package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestZoneExampleMethods runs the shipped zone methods (示例). The
// chemical-park method on three parks (testdata/zones/chemical-2025.csv):
// C1 is best on every indicator, so its score is 100 and its group rank
// 1 — 优秀 by score (≥ 85) — but its 安全风险等级 is A (risk_a = 1), and
// the cap_grade threshold makes it 良好. C2 scores 75.69 (良好, ≥ 75),
// C3 62 (合格, ≥ 60). The provincial method only has to pass the check.
func TestZoneExampleMethods(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.csv")
	code, _, stderr := run(t, "evaluate", "--method", "../../examples/gansu/zones/chemical.toml",
		"--data", "testdata/zones/chemical-2025.csv", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	head, rows := readLong(t, out)
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	got := map[string]string{}
	for _, r := range rows {
		if r[col["node"]] == "total" && r[col["rank"]] != "" {
			got[r[col["unit"]]] = r[col["score"]] + " " + r[col["grade"]]
		}
	}
	want := map[string]string{"C1": "100 良好", "C2": "75.69 良好", "C3": "62 合格"}
	for u, w := range want {
		if got[u] != w {
			t.Errorf("%s: %q, want %q", u, got[u], w)
		}
	}
	code, stdout, stderr := run(t, "method", "check", "../../examples/gansu/zones/method.toml")
	if code != 0 || !strings.Contains(stdout, "方法检查通过") {
		t.Errorf("method check: exit %d %s %s", code, stdout, stderr)
	}
}
