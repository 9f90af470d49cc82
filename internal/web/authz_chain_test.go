package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// approveBody is a move to approved with the record of the meeting.
var approveBody = map[string]any{"state": "approved", "approval": map[string]string{
	"meeting": "领导小组会议", "minute_no": "甘县域领纪〔2026〕3号", "meeting_date": "2026-01-05"}}

// TestChainAuthorisation: the office's chain (issue 12) through the API.
// The role is checked before the lifecycle: an analyst and the office head
// get 403 for approval and publication in every state, never 409; the
// approver gets past authorisation (200 where the state allows, 409 where
// it does not); the approver and the administrator are refused (403)
// approving or publishing a run they computed (four eyes).
func TestChainAuthorisation(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		ids := map[auth.RunState]int64{auth.StateSuperseded: f.runs["pub-full"]}
		for _, s := range []auth.RunState{auth.StateDraft, auth.StateReview, auth.StateNotice, auth.StateObjections, auth.StateApproved} {
			ids[s] = f.run(t, db, s, auth.VisFull)
		}
		// A newer publication of pub-full's method and period supersedes it.
		old, err := db.Run(ctx, f.runs["pub-full"])
		must(t, err)
		newer, err := db.CreateRun(ctx, f.actorOf, store.NewRun{MethodID: old.MethodID, Period: old.Period, Visibility: auth.VisFull})
		must(t, err)
		ids[auth.StatePublished] = storetest.Advance(t, db, f.actorOf, newer.ID, auth.StatePublished).ID
		if old, err = db.Run(ctx, old.ID); err != nil || old.State != auth.StateSuperseded {
			t.Fatalf("the older publication: %s %v, want superseded", old.State, err)
		}
		srv := start(t, db, testConfig(), webHooks())
		as := func(who string) client { return client{t: t, base: srv.url, token: f.tokens[who]} }
		publish := map[string]string{"state": "published"}
		for state, id := range ids {
			path := "/api/v1/runs/" + itoa(id) + "/transitions"
			for _, who := range []string{"ana", "head"} {
				for name, body := range map[string]any{"approve": approveBody, "publish": publish} {
					if r := as(who).do("POST", path, body); r.status != http.StatusForbidden {
						t.Errorf("%s %s a run in %s: %d, want 403: %s", who, name, state, r.status, r.body)
					}
				}
			}
			// The approver passes authorisation: what follows is the
			// lifecycle's answer. Approving needs objection handling.
			want := http.StatusConflict
			if state == auth.StateObjections {
				want = http.StatusOK
			}
			if r := as("boss").do("POST", path, approveBody); r.status != want {
				t.Errorf("boss approves a run in %s: %d, want %d: %s", state, r.status, want, r.body)
			}
		}
		// The approval is recorded with the approver's name.
		var life struct {
			Approval struct{ Meeting, Approver, MinuteNo string } `json:"approval"`
		}
		as("boss").do("GET", "/api/v1/runs/"+itoa(ids[auth.StateObjections])+"/lifecycle", nil).decode(t, &life)
		if life.Approval.Meeting != "领导小组会议" || life.Approval.Approver != "王某某" {
			t.Errorf("approval = %+v, want the leading group's, by 王某某", life.Approval)
		}
		// Approval without its record is refused.
		if r := as("boss").do("POST", "/api/v1/runs/"+itoa(ids[auth.StateApproved])+"/transitions", map[string]string{"state": "approved"}); r.status != http.StatusBadRequest && r.status != http.StatusConflict {
			t.Errorf("approval without a record: %d: %s", r.status, r.body)
		}
		// The office head opens the 公示; the analyst may not.
		review := "/api/v1/runs/" + itoa(ids[auth.StateReview])
		if r := as("ana").do("POST", review+"/notice", map[string]int{"working_days": 5}); r.status != http.StatusForbidden {
			t.Errorf("analyst opens the 公示: %d, want 403", r.status)
		}
		if r := as("head").do("POST", review+"/notice", map[string]int{"working_days": 5}); r.status != http.StatusOK {
			t.Errorf("office head opens the 公示: %d, want 200: %s", r.status, r.body)
		}
		// Four eyes: runs computed by the approver, or by the administrator,
		// reach objection handling; neither may approve her own.
		for _, who := range []string{"boss", "root"} {
			r, err := db.CreateRun(ctx, store.Actor{Username: who}, store.NewRun{MethodID: f.method, Period: "2022"})
			must(t, err)
			storetest.Advance(t, db, store.Actor{Username: who}, r.ID, auth.StateObjections)
			resp := as(who).do("POST", "/api/v1/runs/"+itoa(r.ID)+"/transitions", approveBody)
			if resp.status != http.StatusForbidden || !strings.Contains(string(resp.body), "四眼") {
				t.Errorf("%s approves her own run: %d, want 403 naming the four-eyes rule: %s", who, resp.status, resp.body)
			}
		}
	})
}
