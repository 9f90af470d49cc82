package seed

import (
	"bytes"
	"context"
	"math"
	"os"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
	"github.com/qiangxian/qiangxian/internal/zonestats"
)

// TestEmbeddedMujunScheme keeps the embedded scheme identical to the
// example.
func TestEmbeddedMujunScheme(t *testing.T) {
	want, err := os.ReadFile("../../examples/zones/mujun-scheme.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(mujunTOML, want) {
		t.Error("gansu/mujun-scheme.toml differs from examples/zones/mujun-scheme.toml: copy the example over")
	}
}

// TestDemoZoneEnterprises checks what the demo promises: 1,500–3,000
// enterprises, every class present, the A ceiling and the D floor binding
// (enterprises moved by quota both ways), overrides present, some not
// graded; zones on and off track; 9 zones over 100亿元 against a target
// of 12 with 3 more on track to reach 100亿元 in 2025.
func TestDemoZoneEnterprises(t *testing.T) {
	ctx := context.Background()
	db := storetest.MustOpen(t)
	if err := putUnits(ctx, db, store.System); err != nil {
		t.Fatal(err)
	}
	if err := loadZones(ctx, db, store.System); err != nil {
		t.Fatal(err)
	}
	if err := loadZonesII(ctx, db, store.System); err != nil {
		t.Fatal(err)
	}
	d, err := zonestats.Load(ctx, db, 0)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Enterprises); n < 1500 || n > 3000 {
		t.Errorf("%d enterprises, want 1,500–3,000", n)
	}
	counts := map[string]int{}
	graded, ceiling, floor, fixed, notGraded := 0, 0, 0, 0, 0
	for _, g := range d.Grading.Grades {
		if !g.Eligible {
			notGraded++
			continue
		}
		graded++
		counts[g.Class]++
		switch {
		case g.Fixed:
			fixed++
		case g.ByScore == "A" && g.Class != "A":
			ceiling++
		case g.ByScore != "D" && g.Class == "D":
			floor++
		}
	}
	for _, c := range []string{"A", "B", "C", "D"} {
		if counts[c] == 0 {
			t.Errorf("no class %s: %v", c, counts)
		}
	}
	// A ≤ floor(0.2 n); D ≥ ceil(0.05 n).
	if counts["A"] > int(math.Floor(0.2*float64(graded))) || counts["D"] < int(math.Ceil(0.05*float64(graded))) {
		t.Errorf("quotas broken: %v of %d", counts, graded)
	}
	if ceiling == 0 || floor == 0 || fixed == 0 || notGraded == 0 {
		t.Errorf("moved down by the A ceiling %d, into D by the floor %d, fixed %d, not graded %d: want each > 0",
			ceiling, floor, fixed, notGraded)
	}
	for _, e := range d.Enterprises {
		if !mujun.ValidUSCC(e.USCC) || e.Industry == "" || e.County == "" {
			t.Fatalf("enterprise %+v", e)
		}
	}
	on, off := 0, 0
	for z := range d.Actuals {
		for _, p := range d.Progress(z) {
			if p.Known && p.OnTrack {
				on++
			} else if p.Known {
				off++
			}
		}
	}
	if on == 0 || off == 0 {
		t.Errorf("on track %d, off %d: want both", on, off)
	}
	tc := d.Tiers.Count(d.Actuals, d.TierYear())
	if tc[0].Tier.Name != "百亿级" || len(tc[0].Units) != HundredYiNow || *tc[0].Target != HundredYiTarget {
		t.Errorf("百亿级: %v of %v", tc[0].Units, tc[0].Target)
	}
	soon := 0
	for _, x := range d.Targets {
		if x.Year == 2025 && x.Value == 100 {
			if p := d.Progress(x.Unit); len(p) > 0 && p[0].OnTrack {
				soon++
			}
		}
	}
	if HundredYiNow+soon != HundredYiTarget {
		t.Errorf("%d over 100亿元 + %d on track = %d, want %d", HundredYiNow, soon, HundredYiNow+soon, HundredYiTarget)
	}
	t.Logf("%d enterprises, %d graded: %v; %d moved down from A, %d into D, %d fixed, %d not graded; on track %d, off %d",
		len(d.Enterprises), graded, counts, ceiling, floor, fixed, notGraded, on, off)
	ind := d.Indicators()
	if v := ind["GJ01"]; math.IsNaN(v["mujun_share_A"]) || math.IsNaN(v["land_supply_rate"]) || math.IsNaN(v["target_ratio"]) {
		t.Errorf("GJ01's indicators: %v", v)
	}
}
