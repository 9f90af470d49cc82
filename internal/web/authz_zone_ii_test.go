package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
)

// zoneIISite is the demo site with two more accounts: 兰州市's reviewer
// (620100 hosts GJ01) and a user of the zone GJ01 itself.
func zoneIISite(t *testing.T) *demoSite {
	d := newDemoSite(t)
	a := store.Actor{Username: "test"}
	for _, u := range []store.User{{Username: "lanzhou", Role: auth.RolePrefecture, Unit: "620100"},
		{Username: "gj01", Role: auth.RoleCounty, Unit: "GJ01"}} {
		u.PasswordHash = passwordHash
		_, err := d.db.CreateUser(ctx, a, u)
		must(t, err)
		tok, _, err := d.db.CreateAPIToken(ctx, a, u.Username, "test", time.Time{})
		must(t, err)
		d.tokens[u.Username] = tok
	}
	return d
}

// zoneEnterprise returns the first demo enterprise of zone.
func zoneEnterprise(t *testing.T, d *demoSite, zone string) store.ZoneEnterprise {
	es, err := d.db.ZoneEnterprises(ctx, seed.ZoneEnterpriseYear, zone)
	must(t, err)
	if len(es) == 0 {
		t.Fatalf("no demo enterprise in %s", zone)
	}
	return es[0]
}

// TestAuthzZoneEnterprises: an enterprise's page (its tax, energy and
// grading) is for the provincial office, the prefecture hosting the zone
// and the zone's own user; anonymous callers go to the login, a viewer, a
// department, another county's user and another zone's user get 403. The
// zone profile stays public but lists the enterprises only to the same
// readers.
func TestAuthzZoneEnterprises(t *testing.T) {
	d := zoneIISite(t)
	gj01 := "/zones/GJ01/enterprises/" + zoneEnterprise(t, d, "GJ01").USCC
	gj02 := "/zones/GJ02/enterprises/" + zoneEnterprise(t, d, "GJ02").USCC // hosted by 金昌 620300
	for _, c := range []struct {
		user, path string
		want       int
	}{
		{"", gj01, http.StatusSeeOther},
		{"viewer", gj01, http.StatusForbidden},
		{"tjj", gj01, http.StatusForbidden},
		{"chengguan", gj01, http.StatusForbidden}, // a county of 兰州, but GJ01 is hosted by the prefecture
		{"liangzhou", gj01, http.StatusForbidden},
		{"ana", gj01, http.StatusOK},
		{"head", gj01, http.StatusOK},
		{"boss", gj01, http.StatusOK},
		{"lanzhou", gj01, http.StatusOK},
		{"lanzhou", gj02, http.StatusForbidden},
		{"gj01", gj01, http.StatusOK},
		{"gj01", gj02, http.StatusForbidden},
		{"ana", "/zones/GJ01/enterprises/91620100MA0000000X", http.StatusNotFound},
		{"ana", "/zones/NOPE/enterprises/91620100MA0000000X", http.StatusNotFound},
		{"ana", "/zones/GJ02" + gj01[len("/zones/GJ01"):], http.StatusNotFound}, // GJ01's enterprise under GJ02
	} {
		if r := d.as(t, c.user).do("GET", c.path, nil); r.status != c.want {
			t.Errorf("%q GET %s: %d, want %d", c.user, c.path, r.status, c.want)
		}
	}
	for _, c := range []struct {
		user string
		list bool
	}{{"", false}, {"viewer", false}, {"chengguan", false}, {"ana", true}, {"lanzhou", true}, {"gj01", true}} {
		r := d.as(t, c.user).do("GET", "/zones/GJ01", nil)
		if r.status != http.StatusOK {
			t.Fatalf("%q GET /zones/GJ01: %d", c.user, r.status)
		}
		body := string(r.body)
		if got := strings.Contains(body, "/zones/GJ01/enterprises/"); got != c.list {
			t.Errorf("%q: the profile lists the enterprises: %v, want %v", c.user, got, c.list)
		}
		if !strings.Contains(body, "亩均效益分类") || !strings.Contains(body, "A类") {
			t.Errorf("%q: the profile has no class counts", c.user)
		}
	}
}
