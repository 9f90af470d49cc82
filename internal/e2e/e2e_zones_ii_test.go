package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/seed"
)

// TestZoneEnterprisePagesInBrowser logs in as the administrator and opens
// /zones (the tier table: 9 of the 12 parks over 100亿元), GJ01's profile
// (classes A–D, the list of enterprises, land use and the target's
// progress bar) and one enterprise's grading, at 1366 and 390 pixels:
// nothing scrolls sideways; each page is saved as a screenshot.
func TestZoneEnterprisePagesInBrowser(t *testing.T) {
	ctx := Browser(t)
	s := demo(t)
	dir := Artifacts(t)
	Login(t, ctx, s.URL, seed.AdminUser, AdminPassword)
	es, err := s.DB.ZoneEnterprises(context.Background(), seed.ZoneEnterpriseYear, "GJ01")
	if err != nil || len(es) == 0 {
		t.Fatalf("GJ01's enterprises: %v", err)
	}
	for _, p := range []struct{ name, path string }{
		{"zones-tiers", "/zones"},
		{"zone-enterprises", "/zones/GJ01"},
		{"zone-enterprise", "/zones/GJ01/enterprises/" + es[0].USCC},
	} {
		for _, width := range []int{1366, 390} {
			Open(t, ctx, s.URL+p.path, width)
			if o := Overflow(t, ctx); o > 0 {
				t.Errorf("%s at %d px scrolls sideways by %d px", p.path, width, o)
			}
			Screenshot(t, ctx, dir, fmt.Sprintf("%s-%d", p.name, width))
			text := Eval[string](t, ctx, `document.querySelector("main").textContent`)
			switch p.name {
			case "zones-tiers":
				if !strings.Contains(text, "百亿级") || !strings.Contains(text, "差 3 个") {
					t.Errorf("no tier table with 3 short of 12")
				}
			case "zone-enterprises":
				if Count(t, ctx, "table.mujun-classes tbody tr") != 4 || Count(t, ctx, "#targets progress") == 0 ||
					Count(t, ctx, "table.mujun-list tbody tr") != len(es) {
					t.Errorf("the profile lacks the classes, the list or the progress bar")
				}
			case "zone-enterprise":
				if !strings.Contains(text, "最终分类") && !strings.Contains(text, "不参评") {
					t.Errorf("the enterprise page does not explain its grading")
				}
			}
		}
	}
}
