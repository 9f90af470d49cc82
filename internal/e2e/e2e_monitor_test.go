package e2e

import (
	"testing"

	"github.com/qiangxian/qiangxian/internal/seed"
)

// TestMonitorPages opens the monitoring pages of the demo as the
// administrator: the heat table has the 86 counties with every light, a
// county's page draws its curves, the problem list shows overdue problems
// in the 督办 loop; on a phone the page does not overflow (the table
// scrolls in its frame).
func TestMonitorPages(t *testing.T) {
	ctx := Browser(t)
	s := demo(t)
	Login(t, ctx, s.URL, seed.AdminUser, AdminPassword)
	Open(t, ctx, s.URL+"/monitor?period=2023-06", 1366)
	if n := Count(t, ctx, "#heat tbody tr"); n != 86 {
		t.Errorf("the heat table has %d rows, want 86", n)
	}
	for _, l := range []string{"green", "yellow", "red", ""} {
		if Count(t, ctx, `#heat td[data-light="`+l+`"]`) == 0 {
			t.Errorf("no %q light", l)
		}
	}
	Screenshot(t, ctx, Artifacts(t), "monitor-1366")
	Open(t, ctx, s.URL+"/monitor?period=2023-06", 390)
	if px := Overflow(t, ctx); px > 0 {
		t.Errorf("/monitor overflows a phone by %d px", px)
	}
	Open(t, ctx, s.URL+"/monitor/620102?period=2023-06", 1366)
	if n := Count(t, ctx, "section.indicator"); n < 5 {
		t.Errorf("城关区's page has %d indicators", n)
	}
	Screenshot(t, ctx, Artifacts(t), "monitor-unit-1366")
	Open(t, ctx, s.URL+"/monitor/problems", 1366)
	// 7 of monitoring, 8 from projects and 1 from a zone (seed/followup.go);
	// TestFollowupPages may have raised one more on the shared demo.
	if n := Count(t, ctx, "tr.problem"); n < 16 {
		t.Errorf("%d problems, want at least 16", n)
	}
	if n := Count(t, ctx, "tr.problem[data-overdue]"); n < 5 {
		t.Errorf("%d overdue problems", n)
	}
	Screenshot(t, ctx, Artifacts(t), "monitor-problems-1366")
}
