package store_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

func TestUnits(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		counties, err := db.Units(ctx, store.UnitFilter{Kind: store.UnitCounty, Parent: "620100"})
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, u := range counties {
			codes = append(codes, u.Code)
		}
		if diff := cmp.Diff([]string{"620121", "620122", "620123"}, codes); diff != "" {
			t.Errorf("counties of 兰州市 (-want +got):\n%s", diff)
		}
		zone, err := db.Unit(ctx, "620171")
		if err != nil || zone.Host != "620100" || zone.Kind != store.UnitZone {
			t.Errorf("zone = %+v, %v", zone, err)
		}
		if _, err := db.Unit(ctx, "999999"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown unit: %v, want ErrNotFound", err)
		}
		for code, want := range map[string]string{"620123": "620100", "620100": "620100", "620171": "620100",
			"620171-01": "620100", "620000": "", "620821": "620800"} {
			if got, err := db.PrefectureOf(ctx, code); err != nil || got != want {
				t.Errorf("PrefectureOf(%s) = %q, %v; want %q", code, got, err, want)
			}
		}
		// An update keeps the code and changes the name.
		if err := db.PutUnits(ctx, alice, []store.Unit{{Code: "620123", Name: "榆中", Kind: store.UnitCounty, Parent: "620100"}}); err != nil {
			t.Fatal(err)
		}
		if u, _ := db.Unit(ctx, "620123"); u.Name != "榆中" {
			t.Errorf("after update the name is %q", u.Name)
		}
	})
}

func TestPutUnitsRefusesBadShapes(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		bad := map[string]store.Unit{
			"county without parent":   {Code: "620124", Name: "x", Kind: store.UnitCounty},
			"county under county":     {Code: "620124", Name: "x", Kind: store.UnitCounty, Parent: "620123"},
			"county code of 5 digits": {Code: "62012", Name: "x", Kind: store.UnitCounty, Parent: "620100"},
			"zone without host":       {Code: "Z1", Name: "x", Kind: store.UnitZone},
			"zone hosted by province": {Code: "Z1", Name: "x", Kind: store.UnitZone, Host: "620000"},
			"sub-park under county":   {Code: "P1", Name: "x", Kind: store.UnitSubpark, Parent: "620123"},
			"unknown parent":          {Code: "620199", Name: "x", Kind: store.UnitCounty, Parent: "629900"},
			"unknown kind":            {Code: "620199", Name: "x", Kind: "village", Parent: "620100"},
			"empty name":              {Code: "620199", Kind: store.UnitCounty, Parent: "620100"},
		}
		for name, u := range bad {
			err := db.PutUnits(ctx, alice, []store.Unit{{Code: "620124", Name: "ok", Kind: store.UnitCounty, Parent: "620100"}, u})
			if !errors.Is(err, store.ErrInvalid) {
				t.Errorf("%s: err = %v, want ErrInvalid", name, err)
			}
		}
		// All or nothing: the good unit of each batch was not kept.
		if _, err := db.Unit(ctx, "620124"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a refused batch left its good unit: %v", err)
		}
	})
}

func TestAttributes(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		add := func(unit, name, value string, from, to int) store.UnitAttribute {
			a, err := db.AddAttribute(ctx, alice, store.UnitAttribute{Unit: unit, Name: name, Value: value, FromYear: from, ToYear: to})
			if err != nil {
				t.Fatal(err)
			}
			return a
		}
		add("620123", "type", "农业优先型", 2021, 0)
		old := add("620123", "type", "工业主导型", 2021, 0)
		add("620121", "type", "生态功能型", 2021, 0)
		add("620171", "level", "国家级", 2012, 0)
		if err := db.EndAttribute(ctx, alice, old.ID, 2021); err != nil {
			t.Fatal(err)
		}
		add("620123", "type", "文旅赋能型", 2022, 0)
		values := func(unit string, year int) []string {
			as, err := db.Attributes(ctx, unit, "type", year)
			if err != nil {
				t.Fatal(err)
			}
			var v []string
			for _, a := range as {
				v = append(v, a.Unit+":"+a.Value)
			}
			return v
		}
		if diff := cmp.Diff([]string{"620121:生态功能型", "620123:农业优先型", "620123:工业主导型"}, values("", 2021)); diff != "" {
			t.Errorf("types in 2021 (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"620123:农业优先型", "620123:文旅赋能型"}, values("620123", 2022)); diff != "" {
			t.Errorf("types of 榆中 in 2022 (-want +got):\n%s", diff)
		}
		if _, err := db.AddAttribute(ctx, alice, store.UnitAttribute{Unit: "620123", Name: "type", Value: "x", FromYear: 2023, ToYear: 2022}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("to < from: %v, want ErrInvalid", err)
		}
		if err := db.EndAttribute(ctx, alice, 9999, 2022); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("EndAttribute(unknown) = %v", err)
		}
	})
}

// TestHistory follows 永登县 through a recode (撤县设区) and a later merge.
func TestHistory(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		err := db.PutUnits(ctx, alice, []store.Unit{
			{Code: "620121", Name: "永登县", Kind: store.UnitCounty, Parent: "620100", ValidTo: day(2019, 12, 31)},
			{Code: "620106", Name: "永登区", Kind: store.UnitCounty, Parent: "620100", ValidFrom: day(2020, 1, 1), ValidTo: day(2023, 12, 31)},
			{Code: "620107", Name: "兰北区", Kind: store.UnitCounty, Parent: "620100", ValidFrom: day(2024, 1, 1)},
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []store.UnitChange{
			{Kind: store.ChangeRecode, From: "620121", To: "620106", Effective: day(2020, 1, 1), Document: "国函〔2019〕1号"},
			{Kind: store.ChangeMerge, From: "620106", To: "620107", Effective: day(2024, 1, 1)},
			{Kind: store.ChangeMerge, From: "620122", To: "620107", Effective: day(2024, 1, 1)},
		} {
			if _, err := db.RecordChange(ctx, alice, c); err != nil {
				t.Fatal(err)
			}
		}
		h, err := db.History(ctx, "620106")
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, u := range h.Units {
			codes = append(codes, u.Code)
		}
		// Open starts (zero ValidFrom) sort first.
		if diff := cmp.Diff([]string{"620121", "620122", "620106", "620107"}, codes); diff != "" {
			t.Errorf("history codes (-want +got):\n%s", diff)
		}
		if len(h.Changes) != 3 || h.Changes[0].Document != "国函〔2019〕1号" || !h.Changes[0].Effective.Equal(day(2020, 1, 1)) {
			t.Errorf("changes = %+v", h.Changes)
		}
		for from, want := range map[string]string{"620121": "620107", "620122": "620107", "620123": "620123"} {
			if got, err := db.CurrentCode(ctx, from); err != nil || got != want {
				t.Errorf("CurrentCode(%s) = %q, %v; want %s", from, got, err, want)
			}
		}
		if _, err := db.RecordChange(ctx, alice, store.UnitChange{Kind: store.ChangeRecode, From: "620123", To: "620123", Effective: day(2020, 1, 1)}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("change to itself: %v, want ErrInvalid", err)
		}
	})
}
