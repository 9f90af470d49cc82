package store_test

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/zone/landuse"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
	"github.com/qiangxian/qiangxian/internal/zone/target"
)

func TestZoneGradingStored(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		nan, inf := math.NaN(), math.Inf(1)
		u1, u2 := mujun.CompleteUSCC("91620100MA0000001"), mujun.CompleteUSCC("91620100MA0000002")
		es := []store.ZoneEnterprise{
			{Year: 2024, Zone: "620171", USCC: u1, Name: "甲", LandMu: 10, LandOwned: nan, LandLeasedIn: nan, LandLeasedOut: nan,
				Output: nan, ValueAdded: nan, Tax: 1, EnergyTCE: nan, Emissions: nan, RD: nan},
			{Year: 2024, Zone: "620171", USCC: u2, Name: "乙", LandMu: 1, LandOwned: nan, LandLeasedIn: nan, LandLeasedOut: nan,
				Output: nan, ValueAdded: nan, Tax: 1, EnergyTCE: nan, Emissions: nan, RD: nan},
		}
		if _, err := db.ReplaceZoneEnterprises(ctx, alice, 2024, nil, es, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ZoneEnterpriseGrades(ctx, 2024, ""); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("before grading: %v, want ErrNotFound", err)
		}
		g := store.ZoneGrading{Year: 2024, Scheme: "name = \"示例\"", Grades: []store.ZoneEnterpriseGrade{
			{Year: 2024, Zone: "620171", USCC: u2, Score: nan, Values: []float64{}, Points: []float64{},
				ReasonsZH: []string{"用地 1 亩低于 3 亩，不参评"}, ReasonsEN: []string{"land 1 亩 is below 3 亩: not graded"}},
			{Year: 2024, Zone: "620171", USCC: u1, Eligible: true, Score: 41.5, Rank: 1, ByScore: "B", Class: "D", Fixed: true,
				Values: []float64{0.1, nan, inf}, Points: []float64{1.5, 0, 40}, ReasonsZH: []string{"一", "二"}, ReasonsEN: []string{"one", "two"}},
		}}
		if err := db.PutZoneGrading(ctx, alice, g); err != nil {
			t.Fatal(err)
		}
		got, err := db.ZoneEnterpriseGrades(ctx, 2024, "620171")
		if err != nil {
			t.Fatal(err)
		}
		// Ranked first, the not graded last.
		want := store.ZoneGrading{Year: 2024, Scheme: g.Scheme, Grades: []store.ZoneEnterpriseGrade{g.Grades[1], g.Grades[0]}}
		if d := cmp.Diff(want, got, cmpopts.EquateNaNs(), cmpopts.EquateEmpty()); d != "" {
			t.Error(d)
		}
		bad := g
		bad.Grades = append([]store.ZoneEnterpriseGrade{}, g.Grades...)
		bad.Grades[0].USCC = mujun.CompleteUSCC("91620100MA0000003")
		if err := db.PutZoneGrading(ctx, alice, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("grading an unknown enterprise: %v, want ErrInvalid", err)
		}
	})
}

func TestZoneFiguresStored(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		nan := math.NaN()
		l := landuse.Land{Zone: "620171", Year: "2024", Total: 100, Available: 80, Supplied: 60, Built: 50, FloorArea: 40,
			IndustrialBuilt: 30, IndustrialFloor: 27, IndustrialInvest: 150000, Tax: 90000, IndustrialTax: 60000,
			Unsupplied: 10, UnsuppliedDisposed: 3, Idle: nan, IdleDisposed: nan}
		f := store.ZoneFigures{Land: []landuse.Land{l},
			Targets: []target.Target{{Unit: "620171", Measure: "工业总产值", Year: 2025, Value: 1200}},
			Actuals: target.Actuals{}, Tiers: "measure = \"工业总产值\""}
		f.Actuals.Set("620171", "工业总产值", 2024, 1000)
		if err := db.PutZoneFigures(ctx, alice, f); err != nil {
			t.Fatal(err)
		}
		if got, err := db.ZoneLand(ctx, ""); err != nil || !cmp.Equal([]landuse.Land{l}, got, cmpopts.EquateNaNs()) {
			t.Errorf("land = %v, %v", got, err)
		}
		if got, err := db.ZoneTargets(ctx); err != nil || !cmp.Equal(f.Targets, got) {
			t.Errorf("targets = %v, %v", got, err)
		}
		if got, err := db.ZoneActuals(ctx); err != nil || !cmp.Equal(f.Actuals, got) {
			t.Errorf("actuals = %v, %v", got, err)
		}
		if got, err := db.ZoneTiers(ctx); err != nil || got != f.Tiers {
			t.Errorf("tiers = %q, %v", got, err)
		}
		// All or nothing: the land of a county is refused, the target is not written.
		bad := store.ZoneFigures{Targets: []target.Target{{Unit: "620171", Measure: "营业收入", Year: 2025, Value: 5}},
			Land: []landuse.Land{{Zone: "620121", Year: "2024"}}}
		if err := db.PutZoneFigures(ctx, alice, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("land of a county: %v, want ErrInvalid", err)
		}
		if got, _ := db.ZoneTargets(ctx); len(got) != 1 {
			t.Errorf("targets after a failed import: %v", got)
		}
	})
}
