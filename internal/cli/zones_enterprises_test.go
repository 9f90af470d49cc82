package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/xlsx"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
)

// TestZonesEnterprises imports a zone, then its enterprises from a
// workbook with the grading, land, targets, actuals and tiers, into both
// databases: a bad workbook is refused at its cells with nothing written;
// a good one is stored as revision 1 and graded; zones indicators writes
// the roll-ups.
func TestZonesEnterprises(t *testing.T) {
	for _, pg := range []bool{false, true} {
		name := "sqlite"
		if pg {
			name = "postgres"
		}
		t.Run(name, func(t *testing.T) {
			dsn := importDB(t, pg)
			zones := writeFile(t, "z.csv", "code,name,level,kind,host\nZ1,甲开发区,省级,省级开发区,620100\n")
			subs := writeFile(t, "s.csv", "zone,code,name,host\nZ1,Z1-1,东园,620121\n")
			if code, _, stderr := run(t, "zones", "import", "--db", dsn, "--zones", zones, "--subparks", subs); code != 0 {
				t.Fatalf("zones import: %d %s", code, stderr)
			}
			u := func(n string) string { return mujun.CompleteUSCC("91620121MA000000" + n) }
			head := []any{"year", "uscc", "name", "zone", "subpark", "county", "industry", "above_scale", "land_owned", "start_year", "output",
				"value_added", "tax", "energy", "emissions", "rd", "employees"}
			// 甲: 20 亩, tax 400 → 20 万元/亩; 乙: 10 亩, tax 50 → 5; 丙: 2 亩, below 3 亩: not graded.
			good := [][]any{head,
				{2024, u("1"), "甲公司", "Z1", "Z1-1", "620121", "C3311", "是", 20, 2015, 20000, 5000, 400, 1000, 50, 600, 100},
				{2024, u("2"), "乙公司", "Z1", "", "620121", "C2614", "否", 10, 2018, 3000, 600, 50, 400, 30, 30, 40},
				{2024, u("3"), "丙公司", "Z1", "", "620121", "C1310", "否", 2, 2020, 500, 100, 10, 50, 5, 0, 10},
			}
			wrong := u("2")[:17] + "0" // a wrong check character
			if wrong == u("2") {
				wrong = u("2")[:17] + "1"
			}
			bad := [][]any{head, good[1],
				{2024, wrong, "乙公司", "Z1", "", "620121", "C2614", "否", 10, 2018, 3000, 600, 50, 400, 30, 30, 40},
				{2024, u("3"), "丙公司", "Z9", "Z1-1", "620121", "C1310", "否", 2, 2020, 500, 100, 10, 50, 5, 0, 10},
			}
			dir := t.TempDir()
			gpath, bpath := filepath.Join(dir, "good.xlsx"), filepath.Join(dir, "bad.xlsx")
			if err := xlsx.WriteFile(gpath, []xlsx.Sheet{{Name: "企业", Rows: good}}); err != nil {
				t.Fatal(err)
			}
			if err := xlsx.WriteFile(bpath, []xlsx.Sheet{{Name: "企业", Rows: bad}}); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := run(t, "zones", "enterprises", "--db", dsn, "--enterprises", bpath, "--lang", "en")
			if code != 2 || !strings.Contains(stderr, bpath+":企业!D4: zone \"Z9\" is not in the zone registry") ||
				!strings.Contains(stderr, bpath+":企业!B3: the check character") {
				t.Errorf("bad workbook: exit %d\n%s", code, stderr)
			}
			land := writeFile(t, "l.csv", "zone,year,total_area,available,supplied,built\nZ1,2024,100,80,60,50\n")
			targets := writeFile(t, "t.csv", "unit,measure,year,target\nZ1,工业总产值,2026,40\n")
			actuals := writeFile(t, "a.csv", "unit,measure,year,value\nZ1,工业总产值,2023,20\nZ1,工业总产值,2024,25\n")
			code, stdout, stderr := run(t, "zones", "enterprises", "--db", dsn, "--enterprises", gpath, "--scheme",
				"testdata/zones/mujun/scheme.toml", "--land", land, "--targets", targets, "--actuals", actuals,
				"--tiers", "testdata/zones/mujun/tiers.toml")
			if code != 0 || !strings.Contains(stdout, "2024 年企业数据第 1 版：3 家（新增 3，变更 0，删除 0）") {
				t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
			}
			ctx := context.Background()
			db, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			es, err := db.ZoneEnterprises(ctx, 2024, "Z1")
			if err != nil || len(es) != 3 || es[0].SubPark != "Z1-1" || es[0].County != "620121" || !es[0].Regulated || es[0].LandMu != 20 {
				t.Fatalf("enterprises: %+v, %v", es, err)
			}
			g, err := db.ZoneEnterpriseGrades(ctx, 2024, "Z1")
			if err != nil || len(g.Grades) != 3 || g.Grades[2].Eligible || g.Grades[2].USCC != u("3") {
				t.Errorf("grading: %+v, %v", g, err)
			}
			out := filepath.Join(dir, "ind.csv")
			if code, _, stderr := run(t, "zones", "indicators", "--db", dsn, "--out", out); code != 0 {
				t.Fatalf("indicators: %d %s", code, stderr)
			}
			b, _ := os.ReadFile(out)
			lines := strings.Split(strings.TrimSpace(string(b)), "\n")
			// Z1: 亩均税收 = (400 + 50 + 10) / (20 + 10 + 2) = 460 / 32 = 14.375;
			// 土地开发率 = 80 / 100 = 0.8; progress 25 / 40 = 0.625.
			if len(lines) != 2 || !strings.HasPrefix(lines[1], "Z1,") {
				t.Fatalf("indicators:\n%s", b)
			}
			cols, vals := strings.Split(lines[0], ","), strings.Split(lines[1], ",")
			got := map[string]string{}
			for i, c := range cols {
				got[c] = vals[i]
			}
			for k, want := range map[string]string{"mujun_graded": "2", "mujun_tax_per_mu": "14.375",
				"land_development_rate": "0.8", "target_ratio": "0.625"} {
				if got[k] != want {
					t.Errorf("%s = %q, want %q", k, got[k], want)
				}
			}
		})
	}
}
