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

// TestZoneSites: ready sites are stored per zone of the registry, all or
// nothing, replaced on the next import, NaN and no day read back as such.
func TestZoneSites(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		nan := math.NaN()
		z := zone.Zone{Code: "Z1", Name: "甲开发区", Level: zone.LevelProvincial, Kind: zone.KindProvincial, Host: "620100",
			AreaApproved: nan, AreaPlanned: nan, AreaBuilt: nan, Lat: nan, Lon: nan}
		if err := db.PutZones(ctx, alice, []zone.Zone{z}); err != nil {
			t.Fatal(err)
		}
		full := zone.Site{Zone: "Z1", LandMu: 1200, FactoryM2: 5e4, WaterPrice: 4.1, PowerPrice: 0.45, GasPrice: 2.9,
			PriceDate: day(2025, 6, 30), Source: "管委会", Example: true}
		if err := db.PutZoneSites(ctx, alice, []zone.Site{full}); err != nil {
			t.Fatal(err)
		}
		// 620171 is a zone unit but not in the registry: the batch fails
		// and Z1 keeps its first figures.
		land := zone.Site{Zone: "Z1", LandMu: 300, FactoryM2: nan, WaterPrice: nan, PowerPrice: nan, GasPrice: nan}
		if err := db.PutZoneSites(ctx, alice, []zone.Site{land, {Zone: "620171", LandMu: 1, FactoryM2: nan,
			WaterPrice: nan, PowerPrice: nan, GasPrice: nan}}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("a unit outside the registry: %v, want ErrInvalid", err)
		}
		if err := db.PutZoneSites(ctx, alice, []zone.Site{{Zone: "Z1", LandMu: -1, FactoryM2: nan, WaterPrice: nan,
			PowerPrice: nan, GasPrice: nan}}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("negative land: %v, want ErrInvalid", err)
		}
		got, err := db.ZoneSites(ctx)
		if err != nil || len(got) != 1 || got[0].UpdatedBy != "alice" {
			t.Fatalf("sites: %+v (%v)", got, err)
		}
		if d := cmp.Diff(full, got[0].Site, cmpopts.EquateNaNs()); d != "" {
			t.Error(d)
		}
		if err := db.PutZoneSites(ctx, alice, []zone.Site{land}); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.ZoneSites(ctx); len(got) != 1 || cmp.Diff(land, got[0].Site, cmpopts.EquateNaNs()) != "" {
			t.Errorf("after replacing: %+v", got)
		}
	})
}
