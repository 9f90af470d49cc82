package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
)

// TestZonesImport imports a registry with a sub-park, an imported grade
// history, a rename and a national list position into both databases;
// bad files are refused together, at their cells, with nothing written.
func TestZonesImport(t *testing.T) {
	for _, pg := range []bool{false, true} {
		name := "sqlite"
		if pg {
			name = "postgres"
		}
		t.Run(name, func(t *testing.T) {
			dsn := importDB(t, pg)
			zones := writeFile(t, "z.csv", "code,name,level,kind,host,industries,lat,lon\n"+
				"Z1,甲开发区,省级,省级开发区,620100,装备、化工,36.1,103.8\nZ2,乙园区,other,化工园区,620123,,,\n")
			subs := writeFile(t, "s.csv", "zone,code,name,host,output_share,tax_share\nZ1,Z1-1,飞地园,620121,0.6,0.4\n")
			grades := writeFile(t, "g.csv", "period,unit,group,group_rank,score,grade\n2018,Z0,g,1,,优秀\n2019,Z1,g,1,,优秀\n2019,Z2,g,2,,良好\n")
			changes := writeFile(t, "c.csv", "change,unit,successor,period\nrename,Z0,Z1,2019\n")
			pos := writeFile(t, "p.csv", "zone,year,list,position,source\nZ1,2019,全国百强,79,某报告\n")

			// Errors in three files: all reported, nothing written.
			badZones := writeFile(t, "bz.csv", "code,name,level,kind,host\nZ1,甲,county,省级开发区,999999\n")
			badGrades := writeFile(t, "bg.csv", "period,unit,group,group_rank,score,grade\n2019,Z1,g,0,,优秀\n")
			code, _, stderr := run(t, "zones", "import", "--db", dsn, "--zones", badZones, "--grades", badGrades, "--positions", pos, "--lang", "en")
			want := []string{
				badZones + `:2:3: level must be national, provincial or other (国家级, 省级, 其他), found "county"`,
				badZones + `:2:5: unknown host "999999" (a prefecture or county code)`,
				badGrades + ":2:4: group_rank must be at least 1, found 0",
			}
			if code != 2 || stderr != strings.Join(want, "\n")+"\n" {
				t.Errorf("bad files: exit %d\n%s", code, stderr)
			}

			code, stdout, stderr := run(t, "zones", "import", "--db", dsn, "--zones", zones, "--subparks", subs,
				"--grades", grades, "--changes", changes, "--positions", pos)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !strings.Contains(stdout, "已导入 2 个开发区、3 条历年等级、1 项变更、1 条全国排名") {
				t.Errorf("stdout: %s", stdout)
			}
			ctx := context.Background()
			db, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			zs, err := db.Zones(ctx)
			if err != nil || len(zs) != 2 || len(zs[0].Subparks) != 1 || zs[0].Subparks[0].TaxShare != 0.4 {
				t.Fatalf("zones: %+v, %v", zs, err)
			}
			gs, _ := db.ZoneGrades(ctx)
			_, ch, _ := db.ZoneChanges(ctx)
			ps, _ := db.ZonePositions(ctx, "Z1")
			if len(gs) != 3 || ch.Successor["Z0"] != "Z1" || len(ps) != 1 || ps[0].Position != 79 {
				t.Errorf("grades %v, changes %v, positions %v", gs, ch, ps)
			}
		})
	}
}
