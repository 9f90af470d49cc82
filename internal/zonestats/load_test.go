package zonestats_test

import (
	"context"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/zone/landuse"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
	"github.com/qiangxian/qiangxian/internal/zone/target"
	"github.com/qiangxian/qiangxian/internal/zonestats"
)

const scheme = `name = "一项指标"
[[indicator]]
key = "tax_per_mu"
weight = 100
standard = 10
[[class]]
name = "A"
min_score = 80
[[class]]
name = "B"
min_score = 0
`

// TestIndicators grades two enterprises of a zone, stores the grading,
// land of two years and a target, and reads the roll-ups back as the zone
// method's indicators, worked by hand.
func TestIndicators(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx, a := context.Background(), store.Actor{Username: "t"}
		if err := db.PutUnits(ctx, a, []store.Unit{{Code: "620100", Name: "兰州市", Kind: store.UnitPrefecture},
			{Code: "Z1", Name: "甲区", Kind: store.UnitZone, Host: "620100"}}); err != nil {
			t.Fatal(err)
		}
		nan := math.NaN()
		ent := func(n string, land, tax float64) store.ZoneEnterprise {
			return store.ZoneEnterprise{Year: 2024, Zone: "Z1", USCC: mujun.CompleteUSCC("91620100MA000000" + n), Name: n,
				LandMu: land, Tax: tax, StartYear: 2010, LandOwned: nan, LandLeasedIn: nan, LandLeasedOut: nan,
				Output: nan, ValueAdded: nan, EnergyTCE: nan, Emissions: nan, RD: nan}
		}
		// 甲: 200 / 10 = 20 万元/亩 → 100 × min(20 / 10, 1) = 100 points: A.
		// 乙: 20 / 10 = 2 → 100 × 0.2 = 20 points: B.
		es := []store.ZoneEnterprise{ent("1", 10, 200), ent("2", 10, 20)}
		es[0].Output, es[1].Output = 300000, 200000 // 30 and 20 亿元
		if _, err := db.ReplaceZoneEnterprises(ctx, a, 2024, nil, es, ""); err != nil {
			t.Fatal(err)
		}
		s, err := mujun.ParseScheme("s.toml", []byte(scheme))
		if err != nil {
			t.Fatal(err)
		}
		g := zonestats.Grade(es, s, scheme, 2024)
		if g.Grades[0].Class != "A" || g.Grades[0].Score != 100 || g.Grades[1].Class != "B" || g.Grades[1].Score != 20 {
			t.Fatalf("grades: %+v", g.Grades)
		}
		if err := db.PutZoneGrading(ctx, a, g); err != nil {
			t.Fatal(err)
		}
		// Land of 2023 (used for 2024) and of 2025 (later: not used).
		f := store.ZoneFigures{Land: []landuse.Land{
			{Zone: "Z1", Year: "2023", Total: 100, Available: 80, Supplied: 60, Built: nan, FloorArea: nan, IndustrialBuilt: nan,
				IndustrialFloor: nan, IndustrialInvest: nan, Tax: nan, IndustrialTax: nan, Unsupplied: nan, UnsuppliedDisposed: nan, Idle: nan, IdleDisposed: nan},
			{Zone: "Z1", Year: "2025", Total: 100, Available: 100, Supplied: 100}},
			Targets: []target.Target{{Unit: "Z1", Measure: "工业总产值", Year: 2026, Value: 121}}, Actuals: target.Actuals{},
			Tiers: `measure = "工业总产值"
[[tier]]
name = "百亿级"
min = 100
[[tier]]
name = "50亿级"
min = 50
max = 100
[[cluster]]
name = "甲集群"
members = ["` + es[0].USCC + `", "` + es[1].USCC + `"]
`}
		f.Actuals.Set("Z1", "工业总产值", 2023, 80)
		f.Actuals.Set("Z1", "工业总产值", 2024, 100)
		if err := db.PutZoneFigures(ctx, a, f); err != nil {
			t.Fatal(err)
		}
		d, err := zonestats.Load(ctx, db, 0, "")
		if err != nil {
			t.Fatal(err)
		}
		got := d.Indicators()["Z1"]
		for k, want := range map[string]float64{
			"mujun_graded":          2,
			"mujun_share_A":         0.5,         // 1 of 2
			"mujun_tax_per_mu":      11,          // (200 + 20) / (10 + 10)
			"land_supply_rate":      0.75,        // 60 / 80, the 2023 figures
			"target_ratio":          100.0 / 121, // 100 / 121
			"target_growth":         0.25,        // 100 / 80 − 1
			"target_needed":         0.1,         // (121 / 100)^(1/2) − 1
			"target_on_track":       1,           // 0.25 ≥ 0.1
			"land_development_rate": 0.8,         // 80 / 100
		} {
			if math.Abs(got[k]-want) > 1e-12 {
				t.Errorf("%s = %v, want %v", k, got[k], want)
			}
		}
		// Z1 reports 100 亿元 in 2024: 百亿级. The cluster of its two
		// enterprises: 30 + 20 = 50 亿元: 50亿级; the enterprises are not
		// counted as zones.
		if d.TierYear() != 2024 {
			t.Fatalf("TierYear = %d, want 2024", d.TierYear())
		}
		counts := map[string][]string{}
		for _, tc := range d.Tiers.Count(d.Actuals, 2024) {
			counts[tc.Kind+" "+tc.Tier.Name] = tc.Units
		}
		want := map[string][]string{"zone 百亿级": {"Z1"}, "zone 50亿级": {}, "cluster 百亿级": {}, "cluster 50亿级": {"甲集群"}}
		if d := cmp.Diff(want, counts); d != "" {
			t.Error(d)
		}
	})
}
