package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestTransitionToNoticeOpensWindow: a plain move to public notice (the
// transitions API, as the /runs button) by the office head opens a 公示
// window of five working days from today by the holiday calendar, so that
// objections can be registered at once.
func TestTransitionToNoticeOpensWindow(t *testing.T) {
	db := storetest.MustOpen(t)
	f := load(t, db)
	srv := start(t, db, testConfig(), webHooks())
	id := f.run(t, db, auth.StateReview, auth.VisFull)
	c := client{t: t, base: srv.url, token: f.tokens["head"]}
	r := c.do("POST", "/api/v1/runs/"+itoa(id)+"/transitions", map[string]string{"state": "notice"})
	if r.status != http.StatusOK {
		t.Fatalf("move to notice: %d %s", r.status, r.body)
	}
	l, err := db.Lifecycle(ctx, id)
	must(t, err)
	cal, err := db.Calendar(ctx)
	must(t, err)
	first, last, err := cal.Window(store.Day(time.Now()), 5)
	must(t, err)
	if !l.NoticeStart.Equal(first) || !l.NoticeEnd.Equal(last) || cal.WorkingDays(first, last) != 5 {
		t.Errorf("window %v – %v, want %s – %s", l.NoticeStart, l.NoticeEnd, first.Format(time.DateOnly), last.Format(time.DateOnly))
	}
	// It may not leave the 公示 before the window has closed.
	r = c.do("POST", "/api/v1/runs/"+itoa(id)+"/transitions", map[string]string{"state": "objections"})
	if r.status != http.StatusConflict || !strings.Contains(string(r.body), "公示期至 "+last.Format(time.DateOnly)+" 结束") {
		t.Errorf("leaving the 公示 early: %d %s, want 409 naming %s", r.status, r.body, last.Format(time.DateOnly))
	}
}
