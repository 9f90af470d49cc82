package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// TestLifecycleOwed: a run in review that owes 凉州区's gdp_growth lists it
// on its lifecycle page (unit, indicator, providing department), and the
// move to 公示 is refused with the count named.
func TestLifecycleOwed(t *testing.T) {
	d := newDemoSite(t)
	run := d.newRun(t, auth.StateDraft)
	must(t, d.db.PutOwedFigures(ctx, store.Actor{Username: "test"}, run.ID,
		[]store.OwedFigure{{Unit: "620602", Indicator: "gdp_growth", Department: "统计局"}}))
	_, err := d.db.Transition(ctx, store.Actor{Username: "test"}, run.ID, auth.StateReview, "")
	must(t, err)
	ana := d.as(t, "ana")
	r := ana.do("GET", fmt.Sprintf("/runs/%d/lifecycle", run.ID), nil)
	if r.status != http.StatusOK {
		t.Fatalf("lifecycle page: %d %s", r.status, r.body)
	}
	body := string(r.body)
	for _, want := range []string{`id="life-owed"`, "待补报数据（1）", "<td>凉州区 620602</td><td>地区生产总值增速 gdp_growth</td><td>统计局</td>"} {
		if !strings.Contains(body, want) {
			t.Errorf("the lifecycle page lacks %q", want)
		}
	}
	r = d.as(t, "head").do("POST", fmt.Sprintf("/api/v1/runs/%d/transitions", run.ID), map[string]string{"state": "notice"})
	if r.status != http.StatusConflict || !strings.Contains(string(r.body), "待补报数据 1 项") {
		t.Errorf("move to notice: %d %s, want 409 naming 1 owed figure", r.status, r.body)
	}
	// A run that owes nothing has no such list.
	other := d.newRun(t, auth.StateReview)
	if body := string(ana.do("GET", fmt.Sprintf("/runs/%d/lifecycle", other.ID), nil).body); strings.Contains(body, `id="life-owed"`) {
		t.Error("a run owing nothing lists owed figures")
	}
}
