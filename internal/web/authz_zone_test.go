package web_test

import (
	"net/http"
	"testing"
)

// TestAuthzZones: the zone ranking, profiles, notice and API are public
// reads — anonymous, a viewer, a county user and an analyst all get them.
func TestAuthzZones(t *testing.T) {
	d := newDemoSite(t)
	for _, user := range []string{"", "viewer", "chengguan", "ana"} {
		for _, path := range []string{"/zones", "/zones/GJ01", "/zones/notice", "/zones/notice.docx", "/zones/notice.xlsx", "/api/v1/zones"} {
			if r := d.as(t, user).do("GET", path, nil); r.status != http.StatusOK {
				t.Errorf("%q GET %s: %d", user, path, r.status)
			}
		}
	}
}
