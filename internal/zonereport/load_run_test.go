package zonereport_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/zone"
	"github.com/qiangxian/qiangxian/internal/zonereport"
)

// positionRule adds to rules a rule on a national list (a top-100 list).
const positionRule = `
[[management]]
kind = "position"
list = "全国百强（示例）"
max_position = 100
action = "升级推荐"
`

// TestLoadRun: the history of TestLoad with 2022 as an unpublished zone
// run. Load shows the published history only (latest 2021, no run);
// LoadRun shows 2022 as the run will publish it, with the streaks and
// warnings of TestLoad (a2 优秀 3 years running through the rename; c
// 降级预警 2021, 2022), and b, 50th in the national list in 2022, gets
// 升级推荐 from the position rule (50 ≤ 100); b's 120th place of 2021 is
// not the run's year.
func TestLoadRun(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := store.System
		if err := db.PutUnits(ctx, a, []store.Unit{{Code: "620100", Name: "兰州市", Kind: store.UnitPrefecture}}); err != nil {
			t.Fatal(err)
		}
		nan := math.NaN()
		var zs []zone.Zone
		for _, c := range []string{"a2", "b", "c"} {
			zs = append(zs, zone.Zone{Code: c, Name: "区" + c, Level: zone.LevelProvincial, Kind: zone.KindProvincial,
				Host: "620100", AreaApproved: nan, AreaPlanned: nan, AreaBuilt: nan, Lat: nan, Lon: nan})
		}
		if err := db.PutZones(ctx, a, zs); err != nil {
			t.Fatal(err)
		}
		m, err := db.AddMethod(ctx, a, "zones", "1", rules+positionRule)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetZoneMethod(ctx, a, 2019, m.ID); err != nil {
			t.Fatal(err)
		}
		g := func(z string, y int, rank float64) store.ZoneGrade {
			grade := "合格"
			if rank == 1 {
				grade = "优秀"
			}
			return store.ZoneGrade{Zone: z, Year: y, Group: "g", GroupRank: rank, Score: nan, Grade: grade, Source: "imported"}
		}
		if err := db.PutZoneGrades(ctx, a, []store.ZoneGrade{g("a", 2019, 1), g("b", 2019, 2), g("c", 2019, 3), g("d", 2019, 4),
			g("a", 2021, 1), g("b", 2021, 2), g("c", 2021, 3)}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.RecordZoneChange(ctx, a, store.ZoneChange{Kind: zone.ChangeRename, From: "a", To: "a2", Year: 2022}); err != nil {
			t.Fatal(err)
		}
		if err := db.PutZonePositions(ctx, a, []store.ZonePosition{
			{Zone: "b", Year: 2022, List: "全国百强（示例）", Position: 50, Source: "示例"},
			{Zone: "c", Year: 2021, List: "全国百强（示例）", Position: 120, Source: "示例"}}); err != nil {
			t.Fatal(err)
		}
		run, err := db.CreateZoneRun(ctx, a, store.NewZoneRun{MethodID: m.ID, Year: 2022,
			Grades: []store.ZoneGrade{g("a2", 2022, 1), g("b", 2022, 2), g("c", 2022, 2)}})
		if err != nil {
			t.Fatal(err)
		}
		v, err := zonereport.Load(ctx, db, 0)
		if err != nil || v.Year != 2021 || v.Run != nil {
			t.Fatalf("published view: year %d run %v (%v), want 2021 without a run", v.Year, v.Run, err)
		}
		if v, err = zonereport.LoadRun(ctx, db, run); err != nil {
			t.Fatal(err)
		}
		type got struct {
			Grade    string
			Streak   int
			Warnings string
		}
		res := map[string]got{}
		for _, r := range v.Rows {
			var ws []string
			for _, w := range r.Warnings {
				ws = append(ws, w.Action+":"+strings.Join(w.Years, ","))
			}
			res[r.Unit] = got{r.Grade, r.Streak, strings.Join(ws, ";")}
		}
		want := map[string]got{"a2": {"优秀", 3, ""}, "b": {"合格", 3, "升级推荐:2022"}, "c": {"合格", 3, "降级预警:2021,2022"}}
		if d := cmp.Diff(want, res); d != "" {
			t.Error(d)
		}
		if v.Year != 2022 || v.Run == nil || v.Run.ID != run.ID || !cmp.Equal(v.Years, []int{2019, 2021, 2022}) {
			t.Errorf("run view: year %d, years %v, run %v", v.Year, v.Years, v.Run)
		}
	})
}
