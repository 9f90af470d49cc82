package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestRunsCreatedAnnounced: a run computed with the /runs form is announced
// as a new draft, not as "已更新".
func TestRunsCreatedAnnounced(t *testing.T) {
	d := newDemoSite(t)
	r := d.as(t, "ana").do("POST", "/runs", form("method", "1", "period", "2022", "note", "新建"))
	loc := r.header.Get("Location")
	if r.status != http.StatusSeeOther || !strings.HasPrefix(loc, "/runs?created=") {
		t.Fatalf("computing a run: %d %q %s", r.status, loc, r.body)
	}
	page := string(d.as(t, "ana").do("GET", loc, nil).body)
	id := strings.TrimPrefix(loc, "/runs?created=")
	if !strings.Contains(page, "已新建批次 #"+id) || strings.Contains(page, "已更新") {
		t.Errorf("the /runs page after creating run %s does not announce it as new", id)
	}
}
