package store_test

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/zone"
)

func TestZonesRegistry(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		nan := math.NaN()
		jyg := zone.Zone{Code: "Z620200", Name: "嘉峪关工业园区", Level: zone.LevelProvincial, Kind: zone.KindIndustrial,
			Host: "620100", ApprovalYear: 2006, AreaApproved: 1200, AreaPlanned: nan, AreaBuilt: 800.5,
			Industries: []string{"冶金", "新能源"}, Lat: 39.8, Lon: 98.3, Example: true,
			Subparks: []zone.Subpark{{Code: "Z620200-1", Name: "东区", Host: "620100", Industry: "冶金", OutputShare: 1, TaxShare: 1},
				{Code: "Z620200-2", Name: "飞地园", Host: "620123", Industry: "新能源", OutputShare: 0.6, TaxShare: 0.4}}}
		chem := zone.Zone{Code: "Z1", Name: "化工园", Level: zone.LevelOther, Kind: zone.KindChemical, Host: "620123",
			AreaApproved: nan, AreaPlanned: nan, AreaBuilt: nan, Lat: nan, Lon: nan, RiskClass: "A"}
		if err := db.PutZones(ctx, alice, []zone.Zone{jyg, chem}); err != nil {
			t.Fatal(err)
		}
		got, err := db.Zones(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff([]zone.Zone{chem, jyg}, got, cmpopts.EquateNaNs()); d != "" {
			t.Error(d)
		}
		// All or nothing: the second zone's sub-park names an unknown host,
		// so the first zone is not written either.
		bad := []zone.Zone{{Code: "Z2", Name: "乙", Level: zone.LevelOther, Kind: "工业园区", Host: "620100"},
			{Code: "Z3", Name: "丙", Level: zone.LevelOther, Kind: "工业园区", Host: "620100",
				Subparks: []zone.Subpark{{Code: "Z3-1", Name: "园", Host: "629999", OutputShare: 1, TaxShare: 1}}}}
		if err := db.PutZones(ctx, alice, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("unknown host: %v, want ErrInvalid", err)
		}
		if _, err := db.Zone(ctx, "Z2"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Z2 after a failed import: %v, want ErrNotFound", err)
		}
	})
}

func TestZoneHistoryStored(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		nan := math.NaN()
		// Years 2019–2022; 2020 held no assessment. Zone a is 优秀 in 2019
		// (imported), 2021 and 2022 → streak 3 (the gap year is skipped).
		// b was renamed to c in 2022: c's 优秀 of 2022 continues b's of
		// 2021 → streak 2. d is 优秀 in 2019 and 2022 but absent in 2021
		// → streak 1.
		gs := []store.ZoneGrade{
			{"a", 2019, "g", 1, nan, "优秀", "imported"}, {"d", 2019, "g", 2, nan, "优秀", "imported"},
			{"a", 2021, "g", 1, 95, "优秀", "assessed"}, {"b", 2021, "g", 2, 90, "优秀", "assessed"},
			{"a", 2022, "g", 1, 96, "优秀", "assessed"}, {"c", 2022, "g", 2, 91, "优秀", "assessed"},
			{"d", 2022, "g", 3, 90, "优秀", "assessed"},
		}
		if err := db.PutZoneGrades(ctx, alice, gs); err != nil {
			t.Fatal(err)
		}
		if _, err := db.RecordZoneChange(ctx, alice, store.ZoneChange{Kind: zone.ChangeRename, From: "b", To: "c", Year: 2022}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.RecordZoneChange(ctx, alice, store.ZoneChange{Kind: zone.ChangeRename, From: "c", To: "b", Year: 2023}); !errors.Is(err, store.ErrConflict) {
			t.Errorf("a cycle: %v, want ErrConflict", err)
		}
		back, err := db.ZoneGrades(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(gs, back, cmpopts.EquateNaNs()); d != "" {
			t.Error(d)
		}
		_, ch, err := db.ZoneChanges(ctx)
		if err != nil {
			t.Fatal(err)
		}
		h, err := store.ZoneHistory(back)
		if err != nil {
			t.Fatal(err)
		}
		res, err := zone.Assess(h, nil, ch, "2022")
		if err != nil {
			t.Fatal(err)
		}
		streaks := map[string]int{}
		for _, r := range res {
			streaks[r.Unit] = r.Streak
		}
		if d := cmp.Diff(map[string]int{"a": 3, "c": 2, "d": 1}, streaks); d != "" {
			t.Error(d)
		}
		ps := []store.ZonePosition{{Zone: "620171", Year: 2023, List: "国家级经开区综合发展水平", Position: 79, Source: "商务部 2023"}}
		if err := db.PutZonePositions(ctx, alice, ps); err != nil {
			t.Fatal(err)
		}
		if got, err := db.ZonePositions(ctx, "620171"); err != nil || !cmp.Equal(ps, got) {
			t.Errorf("positions = %v, %v", got, err)
		}
		vs := []store.ZoneValue{{Zone: "a", Year: 2022, Indicator: "land", Name: "土地供应率", Unit: "%", Value: 0.8, Score: nan}}
		if err := db.PutZoneValues(ctx, alice, vs); err != nil {
			t.Fatal(err)
		}
		if got, err := db.ZoneValues(ctx, "a", 2022); err != nil || !cmp.Equal(vs, got, cmpopts.EquateNaNs()) {
			t.Errorf("values = %v, %v", got, err)
		}
	})
}
