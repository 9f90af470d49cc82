package web_test

import (
	"fmt"
	"html"
	"net/http"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
)

// TestRevisionDiffPage: a correction's page says who changed which figure
// from what to what, and why, named; the county sees only its own figures;
// /data links every revision, its kind in words.
func TestRevisionDiffPage(t *testing.T) {
	d := newDemoSite(t)
	old, err := d.db.Observation(ctx, store.ObservationKey{Unit: "620602", Indicator: "gdp", Period: "2022"}, 0)
	must(t, err)
	corr := store.Observation{Unit: "620602", Indicator: "gdp", Period: "2022", Value: old.Value + 1.5,
		Status: store.StatusCorrected, Note: "统计局复核更正"}
	other := store.Observation{Unit: "620102", Indicator: "gdp", Period: "2022", Value: 2000, Status: store.StatusCorrected}
	rev, err := d.db.ImportObservations(ctx, store.Actor{Username: "tjj"}, store.RevisionNote{Kind: "correction", Source: "form"},
		[]store.Observation{corr, other})
	must(t, err)
	path := fmt.Sprintf("/data/revisions/%d", rev.ID)
	page := d.as(t, "ana").do("GET", path, nil)
	body := html.UnescapeString(string(page.body))
	// 凉州区 GDP: the demo's figure, then +1.5.
	want := []string{"<td>凉州区</td>", "地区生产总值", "（亿元）", "· 更正 ·", "<td>已更正</td>", "统计局复核更正", "+1.5", "tjj",
		fmt.Sprintf("数据版本 #%d", rev.ID)}
	for _, w := range want {
		if page.status != http.StatusOK || !strings.Contains(body, w) {
			t.Errorf("%s as analyst: %d, lacks %q", path, page.status, w)
		}
	}
	if n := strings.Count(body, `class="figure-change"`); n != 2 {
		t.Errorf("the analyst sees %d changed figures, want 2", n)
	}
	county := string(d.as(t, "liangzhou").do("GET", path, nil).body)
	if strings.Count(county, `class="figure-change"`) != 1 || strings.Contains(county, "城关区") {
		t.Error("凉州区's user sees figures of another county in the diff")
	}
	if r := d.as(t, "viewer").do("GET", path, nil); r.status != http.StatusForbidden {
		t.Errorf("a viewer reading a diff: %d, want 403", r.status)
	}
	data := string(d.as(t, "ana").do("GET", "/data", nil).body)
	if !strings.Contains(data, fmt.Sprintf(`<a href="/data/revisions/%d">`, rev.ID)) || !strings.Contains(data, "<td>更正</td>") {
		t.Error("/data does not link the revision or name its kind")
	}
}
