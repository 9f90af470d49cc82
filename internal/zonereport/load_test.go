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

const rules = `title = "t"
[data]
types = ["分组"]
[[type]]
name = "g"
[[node]]
code = "total"
name = "总分"
[[indicator]]
code = "x"
name = "x"
parent = "total"
weight = 1
[[grade]]
name = "优秀"
max_rank = 1
[[grade]]
name = "合格"
[[management]]
kind = "bottom"
count = 1
times = 2
within = 3
action = "降级预警"
`

// TestLoad assesses a constructed history stored on both databases.
// Held years 2019, 2021, 2022 (2020 held none). Group g:
//
//	2019: a 1 优秀, b 2, c 3, d 4 (d last; d is absent later)
//	2021: a 1 优秀, b 2, c 3      (c last)
//	2022: a2 1 优秀, b 2, c 2     (a renamed a2 in 2022; b and c tie last)
//
// a2's streak is 3 (2019, 2021 as a, 2022 as a2; 2020 is skipped). Bottom
// 1, twice in 3 held years: c is not in in 2019 (d is strictly worse), in
// in 2021 (nobody worse) and in 2022 by a tie (nobody strictly worse, b
// shares its place) → 降级预警 2021, 2022, flagged as a tie because only
// one of its two years counted in without one. b counts in only in 2022
// → no warning.
func TestLoad(t *testing.T) {
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
		m, err := db.AddMethod(ctx, a, "zones", "1", rules)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetZoneMethod(ctx, a, 2019, m.ID); err != nil {
			t.Fatal(err)
		}
		g := func(z string, y int, rank float64) store.ZoneGrade {
			return store.ZoneGrade{Zone: z, Year: y, Group: "g", GroupRank: rank, Score: nan, Source: "imported"}
		}
		gs := []store.ZoneGrade{g("a", 2019, 1), g("b", 2019, 2), g("c", 2019, 3), g("d", 2019, 4),
			g("a", 2021, 1), g("b", 2021, 2), g("c", 2021, 3), g("a2", 2022, 1), g("b", 2022, 2), g("c", 2022, 2)}
		for i := range gs {
			gs[i].Grade = "合格"
			if gs[i].GroupRank == 1 {
				gs[i].Grade = "优秀"
			}
		}
		if err := db.PutZoneGrades(ctx, a, gs); err != nil {
			t.Fatal(err)
		}
		if _, err := db.RecordZoneChange(ctx, a, store.ZoneChange{Kind: zone.ChangeRename, From: "a", To: "a2", Year: 2022}); err != nil {
			t.Fatal(err)
		}
		v, err := zonereport.Load(ctx, db, 0)
		if err != nil {
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
		want := map[string]got{"a2": {"优秀", 3, ""}, "b": {"合格", 3, ""}, "c": {"合格", 3, "降级预警:2021,2022"}}
		if d := cmp.Diff(want, res); d != "" {
			t.Error(d)
		}
		if v.Year != 2022 || !cmp.Equal(v.Years, []int{2019, 2021, 2022}) {
			t.Errorf("year %d, years %v", v.Year, v.Years)
		}
		// a2's history follows the rename: 2022 as a2, 2021 and 2019 as a.
		var codes []string
		for _, h := range v.ZoneHistory("a2") {
			codes = append(codes, h.Code)
		}
		if d := cmp.Diff([]string{"a2", "a", "a"}, codes); d != "" {
			t.Error(d)
		}
		n := zonereport.BuildNotice(v)
		if len(n.Excellent) != 1 || !cmp.Equal(n.Excellent[0].Names, []string{"区a2"}) ||
			len(n.Streaks) != 1 || n.Streaks[0].Note != "连续3年被评为优秀（2019—2022年）" ||
			len(n.Actions) != 1 || len(n.Actions[0].Items) != 1 || n.Actions[0].Items[0].Note != "2021、2022年；并列，须领导小组认定" {
			t.Errorf("notice: %+v", n)
		}
		if _, err := zonereport.Load(ctx, db, 2020); err == nil {
			t.Error("2020 held no assessment, yet it loads")
		}
	})
}
