package store_test

import (
	"errors"
	"math"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

func TestEventsAsOf(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		r1, evs, err := db.RecordEvents(ctx, alice, store.RevisionNote{Kind: "events"}, []store.Event{
			{Unit: "620123", Date: day(2022, 5, 3), Type: "deduction", Department: "应急管理厅", Document: "甘应急〔2022〕12号", Points: -1},
			{Unit: "620821", Date: day(2022, 8, 1), Type: "veto", Department: "生态环境厅", Points: math.NaN()},
		})
		if err != nil {
			t.Fatal(err)
		}
		if evs[0].Key == "" || evs[0].Key == evs[1].Key || evs[0].Revision != r1.ID {
			t.Fatalf("events = %+v", evs)
		}
		// Correct the first, retract the second.
		fixed, gone := evs[0], evs[1]
		fixed.Points = -0.5
		gone.Retracted = true
		r2, _, err := db.RecordEvents(ctx, alice, store.RevisionNote{Kind: "events", Note: "复核"}, []store.Event{fixed, gone})
		if err != nil {
			t.Fatal(err)
		}
		read := func(f store.EventFilter) []store.Event {
			t.Helper()
			es, err := db.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			return es
		}
		if es := read(store.EventFilter{AsOf: r1.ID}); len(es) != 2 || es[0].Points != -1 || !math.IsNaN(es[1].Points) || es[0].Document != "甘应急〔2022〕12号" {
			t.Errorf("as of r1: %+v", es)
		}
		if es := read(store.EventFilter{}); len(es) != 1 || es[0].Points != -0.5 || es[0].Revision != r2.ID {
			t.Errorf("latest: %+v", es)
		}
		if es := read(store.EventFilter{IncludeRetracted: true}); len(es) != 2 || !es[1].Retracted {
			t.Errorf("with retracted: %+v", es)
		}
		if es := read(store.EventFilter{AsOf: r1.ID, From: day(2022, 6, 1), To: day(2023, 1, 1)}); len(es) != 1 || es[0].Unit != "620821" {
			t.Errorf("second half of 2022 as of r1: %+v", es)
		}
		if es := read(store.EventFilter{AsOf: r1.ID, Department: "应急管理厅", Unit: "620123"}); len(es) != 1 || !es[0].Date.Equal(day(2022, 5, 3)) {
			t.Errorf("by department and unit: %+v", es)
		}
		if _, _, err := db.RecordEvents(ctx, alice, store.RevisionNote{Kind: "events"}, []store.Event{{Unit: "620123", Type: "veto"}}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("event without a date: %v", err)
		}
	})
}

func TestTargetsAsOf(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		r1, err := db.ImportTargets(ctx, alice, store.RevisionNote{Kind: "targets"}, []store.Target{
			{Unit: "620123", Indicator: "gdp", Period: "2023", Value: 330}, {Unit: "620121", Indicator: "gdp", Period: "2023", Value: 210}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.ImportTargets(ctx, alice, store.RevisionNote{Kind: "targets"}, []store.Target{
			{Unit: "620123", Indicator: "gdp", Period: "2023", Value: 320, Note: "调整"}}); err != nil {
			t.Fatal(err)
		}
		old, _ := db.Targets(ctx, store.TargetFilter{AsOf: r1.ID, Unit: "620123"})
		now, _ := db.Targets(ctx, store.TargetFilter{Unit: "620123"})
		all, _ := db.Targets(ctx, store.TargetFilter{Indicator: "gdp", Period: "2023"})
		if len(old) != 1 || old[0].Value != 330 || len(now) != 1 || now[0].Value != 320 || now[0].Note != "调整" || len(all) != 2 {
			t.Errorf("targets as of r1 %+v, now %+v, all %+v", old, now, all)
		}
		if _, err := db.ImportTargets(ctx, alice, store.RevisionNote{Kind: "targets"}, []store.Target{
			{Unit: "999999", Indicator: "gdp", Period: "2023", Value: 1}}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("target of an unknown unit: %v, want ErrInvalid", err)
		}
	})
}
