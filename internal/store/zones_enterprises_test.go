package store_test

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
)

func TestZoneEnterprises(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		nan := math.NaN()
		a := store.ZoneEnterprise{Year: 2024, Zone: "620171", SubPark: "620171-01", USCC: mujun.CompleteUSCC("91620100MA0000001"),
			Name: "示例甲化工", Industry: "C2614", County: "620121", Regulated: true, Output: 52000, ValueAdded: 11000,
			Tax: 2100, EnergyTCE: 30000, Emissions: 80, RD: 900, Employees: 420, StartYear: 2016,
			// Owned 120 + leased in 10 − leased out 5 = 125 亩 used.
			LandOwned: 120, LandLeasedIn: 10, LandLeasedOut: 5, LandMu: nan}
		b := store.ZoneEnterprise{Year: 2024, Zone: "620171", USCC: mujun.CompleteUSCC("91620100MA0000002"),
			Name: "示例乙材料", Industry: "C33", LandMu: 8, LandOwned: nan, LandLeasedIn: nan, LandLeasedOut: nan,
			Output: nan, ValueAdded: nan, Tax: 12, EnergyTCE: nan, Emissions: nan, RD: nan, Accident: true}
		rev, err := db.ReplaceZoneEnterprises(ctx, alice, 2024, nil, []store.ZoneEnterprise{b, a}, "企业.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		if rev.Revision != 1 || rev.Added != 2 || rev.Changed != 0 || rev.Removed != 0 || rev.Rows != 2 {
			t.Errorf("first revision = %+v", rev)
		}
		got, err := db.ZoneEnterprises(ctx, 2024, "")
		if err != nil {
			t.Fatal(err)
		}
		wantA := a
		wantA.LandMu = 125
		if d := cmp.Diff([]store.ZoneEnterprise{wantA, b}, got, cmpopts.EquateNaNs()); d != "" {
			t.Error(d)
		}
		if m := got[0].Mujun(); m.Land() != 125 {
			t.Errorf("Mujun land = %v, want 125", m.Land())
		}
		if m := got[1].Mujun(); m.Land() != 8 || !m.Accident {
			t.Errorf("Mujun of b: land %v, accident %v; want 8, true", m.Land(), m.Accident)
		}
		// Revision 2: a's tax changes, b leaves → 0 added, 1 changed, 1 removed.
		a2 := a
		a2.Tax = 2300
		rev, err = db.ReplaceZoneEnterprises(ctx, alice, 2024, []string{"620171"}, []store.ZoneEnterprise{a2}, "企业-修订.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		if rev.Revision != 2 || rev.Added != 0 || rev.Changed != 1 || rev.Removed != 1 {
			t.Errorf("second revision = %+v", rev)
		}
		if got, err := db.ZoneEnterprises(ctx, 2024, "620171"); err != nil || len(got) != 1 || got[0].Tax != 2300 {
			t.Errorf("after revision 2: %v, %v", got, err)
		}
		revs, err := db.ZoneEnterpriseRevisions(ctx, 2024)
		if err != nil || len(revs) != 2 || revs[0].Revision != 2 || revs[1].Source != "企业.xlsx" || revs[0].By != "alice" {
			t.Errorf("revisions = %+v, %v", revs, err)
		}
		if ys, err := db.ZoneEnterpriseYears(ctx); err != nil || !cmp.Equal(ys, []int{2024}) {
			t.Errorf("years = %v, %v", ys, err)
		}
		if _, err := db.ZoneEnterprise(ctx, 2024, "620171", b.USCC); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("b after its removal: %v, want ErrNotFound", err)
		}
		// All or nothing: each bad import leaves revision 2 in place.
		badUSCC := a
		badUSCC.USCC = "91620100MA00000010" // wrong check character
		notSub := a
		notSub.SubPark = "620121"
		other := a
		other.Zone = "620100"
		for name, es := range map[string][]store.ZoneEnterprise{
			"bad uscc":   {a, badUSCC},
			"twice":      {a, a},
			"sub-park":   {notSub},
			"not a zone": {other},
			"other year": {{Year: 2023, Zone: "620171", USCC: a.USCC, Name: "x"}},
		} {
			if _, err := db.ReplaceZoneEnterprises(ctx, alice, 2024, nil, es, ""); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("%s: %v, want ErrInvalid", name, err)
			}
		}
		if got, err := db.ZoneEnterprises(ctx, 2024, ""); err != nil || len(got) != 1 || got[0].Tax != 2300 {
			t.Errorf("after failed imports: %v, %v", got, err)
		}
	})
}
