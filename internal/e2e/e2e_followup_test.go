package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/qiangxian/qiangxian/internal/seed"
)

// TestFollowupPages walks contract follow-up and scheduling in the demo as
// the administrator: the follow-up list shows every status, a project in
// breach shows its findings; the scheduling page lists key projects behind
// schedule and the overdue problems per department, and a problem raised
// from a project there lands on the problem list, linked to the project.
func TestFollowupPages(t *testing.T) {
	ctx := Browser(t)
	s := demo(t)
	Login(t, ctx, s.URL, seed.AdminUser, AdminPassword)
	Open(t, ctx, s.URL+"/invest/followup", 1366)
	for _, st := range []string{"normal", "warn", "breach"} {
		if Count(t, ctx, `#followup tr[data-status="`+st+`"]`) == 0 {
			t.Errorf("no project %s", st)
		}
	}
	Screenshot(t, ctx, Artifacts(t), "followup-1366")
	Do(t, ctx, "open a project in breach",
		chromedp.Evaluate[chromedp.Void](`document.body.removeAttribute("data-ready")`),
		chromedp.Click(chromedp.CSS(`#followup tr[data-status="breach"] a`)),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready]`)))
	if Count(t, ctx, `#fu-status[data-status="breach"]`) != 1 || Count(t, ctx, `#findings tr[data-status="breach"]`) == 0 {
		t.Error("the project page shows no breach")
	}
	Open(t, ctx, s.URL+"/invest/schedule", 1366)
	if n := Count(t, ctx, "#behind tbody tr"); n != 50 {
		t.Errorf("%d projects behind schedule shown, want the first 50", n)
	}
	if Count(t, ctx, `#departments tr[data-overdue]:not([data-overdue="0"])`) == 0 {
		t.Error("no department with overdue problems")
	}
	before := Count(t, ctx, "#problems tr.problem")
	Do(t, ctx, "raise a problem from the first project without one",
		chromedp.Evaluate[chromedp.Void](`document.body.removeAttribute("data-ready")`),
		chromedp.SendKeys(chromedp.CSS(`#behind form[action="/monitor/problems"] input[name=responsible]`), "示例县自然资源局"),
		chromedp.Submit(chromedp.CSS(`#behind form[action="/monitor/problems"] input[name=responsible]`)),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready]`)))
	if Count(t, ctx, "#done") != 1 || Count(t, ctx, "#problems tr.problem") != before+1 {
		t.Errorf("after raising: %d problems, want %d", Count(t, ctx, "#problems tr.problem"), before+1)
	}
	Screenshot(t, ctx, Artifacts(t), "schedule-1366")
	Open(t, ctx, s.URL+"/invest/schedule", 390)
	if px := Overflow(t, ctx); px > 0 {
		t.Errorf("/invest/schedule overflows a phone by %d px", px)
	}
}
