package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestSampleWatermark: every page of a database holding demonstration data
// carries the 示例数据 watermark (also for the public, also error pages),
// a database of real figures none; importing the first sample revision
// into a real database brings it at the next page.
func TestSampleWatermark(t *testing.T) {
	d := newDemoSite(t)
	for _, path := range []string{"/", "/rankings", "/method", "/counties/620622", "/login", "/no/such/page"} {
		body := string(d.as(t, "").do("GET", path, nil).body)
		if !strings.Contains(body, `<div class="watermark"`) || !strings.Contains(body, "<span>示例数据</span>") {
			t.Errorf("%s on the demo database: no 示例数据 watermark", path)
		}
	}
	db := storetest.MustOpen(t)
	load(t, db)
	srv := start(t, db, testConfig(), webHooks())
	c := client{t: t, base: srv.url}
	if r := c.do("GET", "/login", nil); r.status != http.StatusOK || strings.Contains(string(r.body), `class="watermark"`) {
		t.Errorf("/login on a database of real figures: %d, watermark %v", r.status, strings.Contains(string(r.body), "watermark"))
	}
	_, err := db.ImportObservations(ctx, store.Actor{Username: "test"}, store.RevisionNote{Kind: "import", Source: "demo.xlsx",
		Note: store.SampleNotePrefix + "：程序生成"}, []store.Observation{{Unit: "620102", Indicator: "gdp", Period: "2023", Value: 1}})
	must(t, err)
	if r := c.do("GET", "/login", nil); !strings.Contains(string(r.body), `class="watermark"`) {
		t.Error("after a sample revision: no watermark")
	}
}

// TestMenuOffersWhatOpens: the menu offers 数据 to those who may read
// figures, not to a viewer (for whom /data is a 403) nor to the public.
func TestMenuOffersWhatOpens(t *testing.T) {
	d := newDemoSite(t)
	for user, want := range map[string]bool{"": false, "viewer": false, "ana": true, "tjj": true, "liangzhou": true} {
		menu := string(d.as(t, user).do("GET", "/", nil).body)
		if i := strings.Index(menu, `<nav class="menu"`); i >= 0 {
			menu = menu[i : i+strings.Index(menu[i:], "</nav>")]
		}
		if got := strings.Contains(menu, `href="/data"`); got != want {
			t.Errorf("user %q: the menu offers /data %v, want %v", user, got, want)
		}
	}
}
