package store_test

import (
	"errors"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestGeoJSON checks the boundary map's life: none at first (the tile
// map), an upload in force with its hash, a later upload replacing it, an
// empty one going back to the tile map, every upload audited and the rows
// never changed.
func TestGeoJSON(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		if _, err := db.GeoJSON(ctx); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("GeoJSON of an empty store: %v, want ErrNotFound", err)
		}
		if h, err := db.GeoHash(ctx); err != nil || h != "" {
			t.Fatalf("GeoHash of an empty store = %q, %v; want \"\"", h, err)
		}
		first := []byte(`{"type":"FeatureCollection","features":[]}`)
		g1, err := db.PutGeoJSON(ctx, alice, "a.geojson", first, 1)
		if err != nil {
			t.Fatal(err)
		}
		second := []byte(`{"type":"FeatureCollection","features":[{"type":"Feature"}]}`)
		g2, err := db.PutGeoJSON(ctx, alice, "b.geojson", second, 2)
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.GeoJSON(ctx)
		if err != nil || got.ID != g2.ID || string(got.GeoJSON) != string(second) || got.Features != 2 || got.CreatedBy != alice.Username {
			t.Fatalf("GeoJSON = %+v, %v; want the second upload", got, err)
		}
		if h, _ := db.GeoHash(ctx); h != g2.Hash || h == g1.Hash || len(h) != 64 {
			t.Errorf("GeoHash = %q, want the second upload's %q", h, g2.Hash)
		}
		if _, err := db.PutGeoJSON(ctx, alice, "", nil, 0); err != nil {
			t.Fatal(err)
		}
		if h, _ := db.GeoHash(ctx); h != "" {
			t.Errorf("GeoHash after going back to the tile map = %q, want \"\"", h)
		}
		if _, err := db.PutGeoJSON(ctx, alice, "x", nil, 3); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("features without GeoJSON: %v, want ErrInvalid", err)
		}
		audit, err := db.AuditLog(ctx, store.AuditFilter{Entity: "map"})
		if err != nil || len(audit) != 3 {
			t.Errorf("audit rows of maps: %d, %v; want 3", len(audit), err)
		}
		if err := db.ExecForTest(ctx, `UPDATE geo_maps SET name = 'x'`); !errors.Is(err, store.ErrImmutable) {
			t.Errorf("updating a stored map: %v, want ErrImmutable", err)
		}
		if err := db.ExecForTest(ctx, `DELETE FROM geo_maps`); !errors.Is(err, store.ErrImmutable) {
			t.Errorf("deleting a stored map: %v, want ErrImmutable", err)
		}
	})
}
