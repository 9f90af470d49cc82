package web_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestTransitionToNoticeOpensWindow: a plain move to public notice (the
// transitions API, as the /runs button) opens a 7-day 公示 window from
// today, so that the run's units can object at once.
func TestTransitionToNoticeOpensWindow(t *testing.T) {
	db := storetest.MustOpen(t)
	f := load(t, db)
	srv := start(t, db, testConfig(), webHooks())
	id := f.run(t, db, auth.StateReview, auth.VisFull)
	c := client{t: t, base: srv.url, token: f.tokens["ana"]}
	r := c.do("POST", "/api/v1/runs/"+itoa(id)+"/transitions", map[string]string{"state": "notice"})
	if r.status != http.StatusOK {
		t.Fatalf("move to notice: %d %s", r.status, r.body)
	}
	l, err := db.Lifecycle(ctx, id)
	must(t, err)
	today := store.Day(time.Now())
	if !l.NoticeStart.Equal(today) || !l.NoticeEnd.Equal(today.AddDate(0, 0, 6)) {
		t.Errorf("window %v – %v, want %s – %s", l.NoticeStart, l.NoticeEnd, today.Format(time.DateOnly), today.AddDate(0, 0, 6).Format(time.DateOnly))
	}
}
