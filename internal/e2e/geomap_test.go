package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// refGeoJSON is the development boundary file beside the repository
// (shared/refdata/geo, or the folder $QX_REFDATA names; no licence, so
// never copied into the repository). Outside CI a missing file skips the
// test; in CI it fails.
func refGeoJSON(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("QX_REFDATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "refdata")
	}
	p, err := filepath.Abs(filepath.Join(dir, "geo", "gansu_counties.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the reference boundaries are missing: %v", err)
		}
		t.Skipf("the reference boundaries are missing (set QX_REFDATA to the refdata folder): %v", err)
	}
	return p
}

// TestBoundaryMap uploads the reference boundaries as the administrator
// through /admin/map, on a server of its own: the upload is accepted with
// 86 counties (嘉峪关市 drawn as background), and the dashboard then draws
// 86 county shapes, each a link to the county's profile.
func TestBoundaryMap(t *testing.T) {
	ctx := Browser(t)
	file := refGeoJSON(t)
	s, err := StartDemo(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	Login(t, ctx, s.URL, "admin", AdminPassword)
	Open(t, ctx, s.URL+"/admin/map", 1366)
	if n := Count(t, ctx, "#map-current"); n != 1 {
		t.Fatal("the map settings page shows no current map")
	}
	Do(t, ctx, "upload the boundaries",
		chromedp.SetUploadFiles(chromedp.CSS(`input[name=geojson]`), []string{file}),
		clickAndWait(`form[enctype] button[type=submit]`),
	)
	if msg := Eval[string](t, ctx, `(document.querySelector("#saved")||{}).textContent||""`); !strings.Contains(msg, "86") {
		errs := Eval[string](t, ctx, `(document.querySelector("#map-errors")||{}).textContent||""`)
		t.Fatalf("after the upload: saved %q, errors %q", msg, errs)
	}
	Open(t, ctx, s.URL+"/", 1366)
	if n := Count(t, ctx, "#map a[data-code] path.county"); n != 86 {
		t.Errorf("the dashboard draws %d county shapes, want 86", n)
	}
	if n := Count(t, ctx, "#map rect"); n != 0 {
		t.Errorf("%d tiles left beside the boundaries", n)
	}
	Screenshot(t, ctx, Artifacts(t), "dashboard-boundaries-1366")
	Open(t, ctx, s.URL+"/", 390)
	if over := Overflow(t, ctx); over > 0 {
		t.Errorf("the boundary map scrolls sideways by %d px at 390", over)
	}
}
