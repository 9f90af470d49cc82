package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qiangxian/qiangxian/internal/xlsx"
)

var mujunDir = filepath.Join("testdata", "zones", "mujun")

func sameFile(t *testing.T, got, want string) {
	t.Helper()
	g, err := os.ReadFile(got)
	if err != nil {
		t.Fatal(err)
	}
	w, err := os.ReadFile(filepath.Join(mujunDir, want))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(w), string(g)); d != "" {
		t.Errorf("%s (-want +got):\n%s", want, d)
	}
}

// TestZonesGradeGolden grades testdata/zones/mujun/enterprises.csv (BOM,
// an extra column, a 2023 row that --year's default, the latest year,
// skips) under scheme.toml: points = 60 × min(亩均税收/10, 1.5) + 40 ×
// min(单位能耗增加值/2, 1.5). Worked by hand:
//
//	甲 10 亩: 120/10 = 12 → 72; 300/100 = 3 → cap 60; 132 (A)
//	乙 8 + 2 leased in = 10 亩: 10 → 60; 2 → 40; 100 (A)
//	丙 5 亩: 8 → 48; 2 → 40; 88 (A)
//	丁 4 亩: 5 → 30; 1.5 → 30; 60 (B)
//	戊 6 − 1 leased out = 5 亩: 5 → 30; energy not reported → 0; 30 (D)
//	己 20 亩: 0.5 → 3; 1 → 20; 23 (D), and 亩均税收 0.5 < 1: D fixed
//	庚 2.5 亩 < 3: not graded; 辛 started 2024: 0 years < 1, not graded
//	壬 10 亩: 20 → 90; 4 → 60; 150 (A), but an accident: D fixed
//
// n = 7 graded; ranks 壬 1, 甲 2, 乙 3, 丙 4, 丁 5, 戊 6, 己 7. A ≤
// floor(0.2 × 7) = 1: 甲 stays, 乙 and 丙 fall to B (壬 is fixed in D). D
// ≥ ceil(0.05 × 7) = 1: 戊, 己, 壬 are D already.
// Zones: 经开区 Σtax 120+100+40+5+200 = 465 on 10+10+5+12+10 = 47 亩 →
// 9.8936…; 高新区 20+25+10+50 = 105 on 4+5+20+2.5 = 31.5 → 3.333….
func TestZonesGradeGolden(t *testing.T) {
	dir := t.TempDir()
	out, zs := filepath.Join(dir, "g.csv"), filepath.Join(dir, "z.csv")
	code, stdout, stderr := runZonesCmd(t, "grade", "--enterprises", filepath.Join(mujunDir, "enterprises.csv"),
		"--scheme", filepath.Join(mujunDir, "scheme.toml"), "--out", out, "--zones", zs)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "9 家企业，7 家参评（A 类 1，B 类 3，C 类 0，D 类 3）；结果已写入 " + out + "\n"; stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	sameFile(t, out, "want-grade.csv")
	sameFile(t, zs, "want-zones.csv")

	t.Run("xlsx", func(t *testing.T) {
		// The same table as a workbook gives the same grades.
		tab, err := openTable(filepath.Join(mujunDir, "enterprises.csv"))
		if err != nil {
			t.Fatal(err)
		}
		rows := [][]any{}
		for _, r := range append([][]string{tab.Header}, tab.Rows...) {
			row := make([]any, len(r))
			for i, c := range r {
				row[i] = c
			}
			rows = append(rows, row)
		}
		xl := filepath.Join(dir, "e.xlsx")
		if err := xlsx.WriteFile(xl, []xlsx.Sheet{{Name: "企业", Rows: rows}}); err != nil {
			t.Fatal(err)
		}
		out2 := filepath.Join(dir, "g2.csv")
		if code, _, stderr := runZonesCmd(t, "grade", "--enterprises", xl, "--scheme", filepath.Join(mujunDir, "scheme.toml"),
			"--out", out2, "--year", "2024"); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		sameFile(t, out2, "want-grade.csv")
	})
}

func TestZonesGradeErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "e.csv")
	src := "uscc,name,zone,land_owned,start_year,tax\n91620100070001111Q,甲,Z,5,2020,1\n91620100070001111R,乙,Z,x,2020,1\n"
	if err := os.WriteFile(bad, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "g.csv")
	scheme := filepath.Join(mujunDir, "scheme.toml")
	for _, c := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"bad cells", []string{"--enterprises", bad, "--scheme", scheme, "--out", out, "--year", "2024", "--lang", "en"},
			bad + ":3:1: the check character of the unified social credit code \"91620100070001111R\" is wrong (GB 32100-2015 gives Q)\n" +
				bad + ":3:4: expected a number, found \"x\"\n"},
		{"no year", []string{"--enterprises", filepath.Join(mujunDir, "land.csv"), "--scheme", scheme, "--out", out},
			filepath.Join(mujunDir, "land.csv") + ":1: 缺少列 \"uscc\"\n"},
		{"year needed", []string{"--enterprises", strings.Replace(bad, "e.csv", "ok.csv", 1), "--scheme", scheme, "--out", out},
			"qiangxian: 方案要求投产年数，企业表没有 year 列时需要 --year\n"},
		{"bad scheme", []string{"--enterprises", bad, "--scheme", filepath.Join(mujunDir, "tiers.toml"), "--out", out},
			filepath.Join(mujunDir, "tiers.toml") + ":1:1: 未知的键 measure\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "year needed" {
				if err := os.WriteFile(c.args[1], []byte(src[:strings.LastIndex(src[:len(src)-1], "\n")+1]), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			code, _, stderr := runZonesCmd(t, append([]string{"grade"}, c.args...)...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.HasPrefix(stderr, c.stderr) {
				t.Errorf("stderr\n%s\nwant prefix\n%s", stderr, c.stderr)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("output written: %v", err)
			}
		})
	}
}

// TestZonesLandGolden: testdata/zones/mujun/land.csv, worked by hand.
// 经开区: 开发率 800/1000 = 0.8, 供应率 600/800 = 0.75, 建成率 480/600 =
// 0.8, 综合容积率 432/480 = 0.9, 工业容积率 240/300 = 0.8, 投入强度
// 1,500,000/300 = 5000 万元/公顷, 地均税收 96,000/480 = 200, 工业 60,000/300
// = 200, 闲置率 12/600 = 0.02, 批而未供处置率 20/50 = 0.4, 闲置处置率 3/12 =
// 0.25. 高新区: 300/400 = 0.75, 300/300 = 1, 250/300 = 0.8333…, no floor
// area: empty, 800,000/200 = 4000, 50,000/250 = 200, no industrial tax or
// idle figures: empty, 批而未供 0/0: empty.
func TestZonesLandGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "u.csv")
	code, _, stderr := runZonesCmd(t, "land", "--land", filepath.Join(mujunDir, "land.csv"), "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	sameFile(t, out, "want-land.csv")
}

// TestZonesTargetsGolden: targets and actuals of testdata/zones/mujun for
// 2023, worked by hand.
//
//	经开区 64 of 100 by 2025: needed (100/64)^(1/2) − 1 = 0.25, growth
//	  64/50 − 1 = 0.28: on track
//	高新区 40 of 50 by 2026: needed 1.25^(1/3) − 1 = 0.0772, growth 40/39 −
//	  1 = 0.0256: behind
//	工业园 32 of 30 in 2023 itself: met, on track (no 2022 figure needed)
//	集群 = 经开区 + 高新区: 104 (89 in 2022) of 120 by 2025: needed
//	  (120/104)^(1/2) − 1 = 0.0742, growth 104/89 − 1 = 0.1685: on track
//
// Tiers in 2023: 百亿级 循环经济产业园 (120) of a target of 3, gap 2; 50亿级
// 经开区 (64); 30–50亿元 工业园 (32) and 高新区 (40) of 4, gap 2; the
// cluster (104) is 百亿级, its target of 1 met.
func TestZonesTargetsGolden(t *testing.T) {
	dir := t.TempDir()
	out, tiers := filepath.Join(dir, "p.csv"), filepath.Join(dir, "c.csv")
	code, stdout, stderr := runZonesCmd(t, "targets", "--targets", filepath.Join(mujunDir, "targets.csv"),
		"--actuals", filepath.Join(mujunDir, "actuals.csv"), "--year", "2023", "--out", out,
		"--tiers", filepath.Join(mujunDir, "tiers.toml"), "--tier-out", tiers, "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "2023: 4 targets, 1 behind; results written to " + out + "\n百亿级: 1 (target 3)\n30–50亿元: 2 (target 4)\n"
	if stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	sameFile(t, out, "want-targets.csv")
	sameFile(t, tiers, "want-tiers.csv")

	t.Run("errors of both tables", func(t *testing.T) {
		bad := filepath.Join(dir, "t.csv")
		if err := os.WriteFile(bad, []byte("unit,measure,year,target\nA,m,20x5,1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := runZonesCmd(t, "targets", "--targets", bad, "--actuals", filepath.Join(mujunDir, "targets.csv"),
			"--year", "2023", "--out", filepath.Join(dir, "p2.csv"))
		want := bad + ":2:3: 应为四位年份，实际为 \"20x5\"\n" + filepath.Join(mujunDir, "targets.csv") + ":1: 缺少列 \"value\"\n"
		if code != 2 || stderr != want {
			t.Errorf("exit %d stderr\n%s\nwant\n%s", code, stderr, want)
		}
	})
}
