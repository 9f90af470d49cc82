package web_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestMonitorTypeRanks: on the demo's heat table every growth carries its
// rank within the county's main type, "n/N", with n ≤ N; the types hold
// all 86 counties, so each indicator's N add up to at most 86.
func TestMonitorTypeRanks(t *testing.T) {
	d := newDemoSite(t)
	body := string(d.as(t, "ana").do("GET", "/monitor", nil).body)
	ms := regexp.MustCompile(`类型内 (\d+)/(\d+)`).FindAllStringSubmatch(body, -1)
	if len(ms) < 86 {
		t.Fatalf("%d ranks within type on /monitor, want one per county and indicator", len(ms))
	}
	for _, m := range ms {
		n, _ := strconv.Atoi(m[1])
		of, _ := strconv.Atoi(m[2])
		if n < 1 || n > of || of > 86 {
			t.Errorf("rank within type %s/%s", m[1], m[2])
		}
	}
	if !strings.Contains(body, `class="trank"`) {
		t.Error("no rank within type marked")
	}
}
