package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// TestZonePagesInBrowser opens the zone ranking, a zone's profile and the
// zone notice as the public would, at 1366 and 390 pixels: the ranking
// draws every zone on the map, the profile says the streak of 11, the
// notice lists the 优秀 zones and the warnings, and no page scrolls
// sideways; each is saved as a screenshot.
func TestZonePagesInBrowser(t *testing.T) {
	ctx := Browser(t)
	s := demo(t)
	dir := Artifacts(t)
	for _, p := range []struct{ name, path string }{
		{"zones", "/zones"},
		{"zone", "/zones/SJ01"},
		{"zone-notice", "/zones/notice"},
	} {
		for _, width := range []int{1366, 390} {
			Open(t, ctx, s.URL+p.path, width)
			if o := Overflow(t, ctx); o > 0 {
				t.Errorf("%s at %d px scrolls sideways by %d px", p.path, width, o)
			}
			Screenshot(t, ctx, dir, fmt.Sprintf("%s-%d", p.name, width))
			text := Eval[string](t, ctx, `document.querySelector("main").textContent`)
			switch p.name {
			case "zones":
				if n := Count(t, ctx, "figure.zonemap circle.zone"); n != 47 {
					t.Errorf("the map shows %d zones, want 47", n)
				}
			case "zone":
				if !strings.Contains(text, "连续 11 年被评为优秀") {
					t.Errorf("the profile does not say the streak of 11")
				}
			case "zone-notice":
				for _, w := range []string{"考核评价为优秀的开发区", "退出预警", "升级推荐"} {
					if !strings.Contains(text, w) {
						t.Errorf("the notice lacks %q", w)
					}
				}
			}
		}
	}
}
