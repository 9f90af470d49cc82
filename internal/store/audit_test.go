package store_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

func TestAuditWrittenWithTheChange(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		before, err := db.AuditLog(ctx, store.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		// 9 units and 2 indicators: one row each.
		if len(before) != 11 || before[0].Username != "alice" || before[0].Action != "create" || before[0].Entity != "unit" || before[0].EntityID != "620000" {
			t.Fatalf("audit after seeding: %d rows, first %+v", len(before), before[0])
		}
		if _, err := db.ImportObservations(ctx, store.Actor{Username: "tjj"}, store.RevisionNote{Kind: "import", Source: "gdp.xlsx"},
			[]store.Observation{obs("620123", "gdp", "2022", 1), obs("620121", "gdp", "2022", 2)}); err != nil {
			t.Fatal(err)
		}
		// Changes that fail in the database, after their audit row would have
		// been written by a careless implementation, must leave no row.
		failing := map[string]error{
			"bad parent in a later unit": db.PutUnits(ctx, alice, []store.Unit{
				{Code: "620124", Name: "新县", Kind: store.UnitCounty, Parent: "620100"},
				{Code: "620125", Name: "坏县", Kind: store.UnitCounty, Parent: "629999"}}),
			"duplicate user": func() error {
				u := store.User{Username: "dup", PasswordHash: "h", Role: "viewer"}
				if _, err := db.CreateUser(ctx, alice, u); err != nil {
					return err
				}
				_, err := db.CreateUser(ctx, alice, u)
				return err
			}(),
			"no actor": db.PutIndicators(ctx, store.Actor{}, []store.Indicator{{Code: "x", NameZH: "x", Direction: 1}}),
		}
		for name, err := range failing {
			if err == nil {
				t.Errorf("%s: no error", name)
			}
		}
		after, err := db.AuditLog(ctx, store.AuditFilter{AfterID: before[len(before)-1].ID})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range after {
			got = append(got, e.Username+" "+e.Action+" "+e.Entity+" "+e.EntityID)
		}
		want := []string{"tjj import revision 1", "alice create user dup"}
		if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("audit rows after the failing changes = %q, want %q", got, want)
		}
		var detail struct {
			Observations int
			Source       string
		}
		if err := json.Unmarshal(after[0].Detail, &detail); err != nil || detail.Observations != 2 || detail.Source != "gdp.xlsx" {
			t.Errorf("import detail %s: %+v %v", after[0].Detail, detail, err)
		}
		if _, err := db.Unit(ctx, "620124"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the failed batch kept its first unit: %v", err)
		}
		// Filters.
		byUser, err := db.AuditLog(ctx, store.AuditFilter{Username: "tjj"})
		if err != nil || len(byUser) != 1 {
			t.Errorf("AuditLog(tjj) = %d rows, %v", len(byUser), err)
		}
		units, err := db.AuditLog(ctx, store.AuditFilter{Entity: "unit", EntityID: "620123"})
		if err != nil || len(units) != 1 {
			t.Errorf("AuditLog(unit 620123) = %d rows, %v", len(units), err)
		}
		page, err := db.AuditLog(ctx, store.AuditFilter{Limit: 3})
		if err != nil || len(page) != 3 {
			t.Errorf("AuditLog(limit 3) = %d rows, %v", len(page), err)
		}
		none, err := db.AuditLog(ctx, store.AuditFilter{Until: before[0].At})
		if err != nil || len(none) != 0 {
			t.Errorf("AuditLog(until the first) = %d rows, %v", len(none), err)
		}
	})
}
