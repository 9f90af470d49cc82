package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// runZonesCmd runs the zones command and returns exit code, stdout, stderr.
func runZonesCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	e.lang = locale.Detect(langFlag(args), e.getenv)
	code := e.report(runZones(context.Background(), e, args))
	return code, out.String(), errb.String()
}

// TestZonesManageGolden applies testdata/zones/rules.toml to history.csv
// (BOM, extra column, columns and periods in another order). Held periods
// 2020, 2021, 2023 (none in 2022). Worked by hand:
//
//	西 2020: A 95 B 85 C 70 D 60 → ranks 1 2 3 4
//	西 2021: A 92 D 88 B 70 C 70 → 1 2 3 3 (B and C tie)
//	西 2023: A 91 D 85 C 75 B 50 → 1 2 3 4
//	东 2020 and 2021 (given): E 1 F 2 H 3; 2023: E 93 F 80 G 40 → 1 2 3
//
// Grades 2023 (≥ 90 优秀, ≥ 80 良好, else 合格) and streaks: A 优秀 in all
// three → 3; B 合格 (2021 70 合格, 2020 85 良好) → 2; C 合格 ×3 → 3; D 良好
// (2021 88, 2020 60 合格) → 2; E 优秀 (given 2020, 2021) → 3; F 良好 (2021
// given 合格) → 1; G new → 1. H is absent in 2023: no row.
//
// 降级预警 (bottom 2, twice within 3): 西 counts in C, D (2020), B, C (2021:
// nobody is worse than the tied pair, 0 + 2 ≤ 2, no tie), C, B (2023): B
// twice, C three times but being merged (exempt), D once. 东: F, H in 2020
// and 2021, F, G in 2023: F three times, G once. 约谈 (bottom 1): B in 西;
// G in 东 is set up in 2022, 2023 − 2022 = 1 < 2: exempt. 升级推荐 (top
// 25 %): ceil(0.25 × 4) = 1 in 西 (A), ceil(0.25 × 3) = 1 in 东 (E).
func TestZonesManageGolden(t *testing.T) {
	dir := filepath.Join("testdata", "zones")
	out := filepath.Join(t.TempDir(), "w.csv")
	code, stdout, stderr := runZonesCmd(t, "manage", "--rules", filepath.Join(dir, "rules.toml"),
		"--history", filepath.Join(dir, "history.csv"), "--out", out, "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "period 2023: 7 units, 4 with warnings; results written to " + out + "\n"; stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(dir, "want.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Error(d)
	}
}

// TestZonesManageChanges: X was renamed X2 in 2022, Y and Z merged into W,
// U upgraded in 2022. All 优秀 (≥ 90) except Z. Streaks in 2022: X2 2 (X's
// 2021 carries), W 2 (Y's 2021 carries; Z's 合格 does not break it), U 1
// (the upgrade ends it), V 2. bottom 1 twice within 2: Z was last in 2021
// and W is last in 2022: W is warned through Z.
func TestZonesManageChanges(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	rules := write("r.toml", "[[grade]]\nname = \"优秀\"\nmin_score = 90\n[[grade]]\nname = \"合格\"\n"+
		"[[management]]\nkind = \"bottom\"\ncount = 1\ntimes = 2\nwithin = 2\naction = \"退出预警\"\n")
	hist := write("h.csv", "period,unit,group,group_rank,score,grade\n"+
		"2021,X,g,,99,\n2021,Y,g,,98,\n2021,Z,g,,50,\n2021,U,g,,97,\n2021,V,g,,96,\n"+
		"2022,X2,g,,99,\n2022,W,g,,91,\n2022,U,g,,97,\n2022,V,g,,96,\n")
	changes := write("c.csv", "change,unit,successor,period\nrename,X,X2,2022\nmerge,Y,W,2022\nmerge,Z,W,2022\nupgrade,U,,2022\n")
	out := filepath.Join(dir, "w.csv")
	if code, _, stderr := runZonesCmd(t, "manage", "--rules", rules, "--history", hist, "--changes", changes, "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, _ := os.ReadFile(out)
	want := "unit,period,grade,streak,warnings\nX2,2022,优秀,2,\nW,2022,优秀,2,退出预警\nU,2022,优秀,1,\nV,2022,优秀,2,\n"
	if d := cmp.Diff(want, string(got)); d != "" {
		t.Error(d)
	}
}

func TestZonesManageErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	rules := write("r.toml", "[[grade]]\nname = \"优秀\"\nmin_score = 90\n")
	good := write("h.csv", "period,unit,group,group_rank,score,grade\n2021,a,g,,95,\n")
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"history", []string{"--rules", rules, "--history", write("bad.csv",
			"period,unit,group,group_rank,score,grade\n2021,a,g,x,95,\n2021,a,g,,95,\n2021,b,g,,,\n")},
			dir + "/bad.csv:2:4: 应为数值，实际为 \"x\"\n" + dir + "/bad.csv:4:5: 得分与组内名次不能都为空\n"},
		{"history build", []string{"--rules", rules, "--history", write("bad2.csv",
			"period,unit,group,group_rank,score,grade\n2021,a,g,,95,\n2021,a,g,,95,\n2021,b,g,,,\n"), "--lang", "en"},
			dir + "/bad2.csv:3:2: unit a appears twice in period 2021\n" + dir + "/bad2.csv:4:5: score and group_rank cannot both be empty\n"},
		{"missing column", []string{"--rules", rules, "--history", write("bad3.csv", "period,unit,group,score,grade\n2021,a,g,95,\n"), "--lang", "en"},
			dir + "/bad3.csv:1: missing column \"group_rank\"\n"},
		{"rules", []string{"--rules", write("bad.toml", "[[management]]\nkind = \"bottom\"\ncount = 0\nshare = 2\n"), "--history", good, "--lang", "en"},
			dir + "/bad.toml:1:3: management[0].action: required\n" + dir + "/bad.toml:4:1: management[0].share: share must be above 0 and at most 1, found 2\n"},
		{"changes", []string{"--rules", rules, "--history", write("bad4.csv", "period,unit,group,group_rank,score,grade\n2021,a,g,,x,\n"),
			"--changes", write("c.csv", "change,unit,successor,period\nmove,a,b,2021\n"), "--lang", "en"},
			dir + "/bad4.csv:2:5: expected a number, found \"x\"\n" + dir + "/c.csv:2:1: change must be rename, merge or upgrade, found \"move\"\n"},
		{"usage", []string{"--rules", rules}, "qiangxian: 需要 --rules、--history 和 --out\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, c.name+".csv")
			code, _, stderr := runZonesCmd(t, append([]string{"manage", "--out", out}, c.args...)...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if d := cmp.Diff(c.want, stderr); d != "" {
				t.Error(d)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("%s written", out)
			}
		})
	}
	if code, _, _ := runZonesCmd(t, "list"); code != 2 {
		t.Errorf("unknown subcommand: exit %d, want 2", code)
	}
}
