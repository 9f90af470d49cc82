package web_test

import (
	"fmt"
	"math"
	"net/http"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// workflowCase is an action of the workflow (issue 8) and the status each
// of matrixCallers must get. setup runs before each caller's request and
// returns the path and body, so that a stateful action (answering an
// objection) meets the same state for every caller.
type workflowCase struct {
	name   string
	method string
	setup  func(t *testing.T, caller string) (path string, body any)
	want   [7]int
}

// seeOther is a browser page's redirect to the login form.
const seeOther = http.StatusSeeOther

// workflowCases builds the workflow's rows of the authorisation matrix on
// the fixture of authz_test.go (统计局 provides gdp, 财政厅 fiscal; 兰州市
// holds 城关区 and 榆中县, 平凉市 崆峒区).
func workflowCases(t *testing.T, db *store.DB, f *fixture) []workflowCase {
	a := f.actorOf
	tasks, err := db.PutTasks(ctx, a, "2022", time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), 0, []string{"gdp", "fiscal"})
	must(t, err)
	yz, tjj := store.Actor{Username: "yz"}, store.Actor{Username: "tjj"}
	pdf := store.NewAttachment{Name: "证明.pdf", ContentType: "application/pdf", Content: []byte("%PDF-1.4 x")}
	// objection closes any open objection of the figure and opens a fresh
	// one, so that every caller answers an open objection.
	objection := func(t *testing.T, unit, ind string) store.FigureObjection {
		open, err := db.FigureObjections(ctx, store.ObjectionFilter{Unit: unit, State: workflow.ObjectionOpen})
		must(t, err)
		for _, o := range open {
			if o.Indicator == ind {
				_, err := db.AnswerObjection(ctx, a, o.ID, workflow.Keep, math.NaN(), "reset", nil)
				must(t, err)
			}
		}
		o, err := db.RaiseObjection(ctx, yz, store.FigureObjection{Unit: unit, Indicator: ind, Period: "2022",
			Reason: "有误", Proposed: math.NaN()}, &pdf)
		must(t, err)
		return o
	}
	reset := func(t *testing.T, unit, ind string) {
		o := objection(t, unit, ind)
		_, err := db.AnswerObjection(ctx, a, o.ID, workflow.Keep, math.NaN(), "reset", nil)
		must(t, err)
	}
	own := objection(t, "620123", "gdp")
	other := objection(t, "620802", "gdp")
	thread, err := db.ObjectionThread(ctx, own.ID)
	must(t, err)
	_, evs, err := db.RecordEvents(ctx, a, store.RevisionNote{Kind: "events"}, []store.Event{{Unit: "620123",
		Date: time.Date(2022, 5, 1, 0, 0, 0, 0, time.UTC), Type: "较大安全生产事故", Department: "统计局", Points: -1}})
	must(t, err)
	held, err := db.HoldImport(ctx, tjj, store.PendingImport{Department: "统计局", Period: "2022", Rows: []store.Observation{
		{Unit: "620123", Indicator: "gdp", Period: "2022", Value: 1}}, Findings: []store.Finding{{Unit: "620123", Indicator: "gdp"}}})
	must(t, err)

	static := func(path string, body any) func(*testing.T, string) (string, any) {
		return func(*testing.T, string) (string, any) { return path, body }
	}
	csv := func(content string) func(*testing.T, string) (string, any) {
		return func(t *testing.T, _ string) (string, any) {
			return "/api/v1/collection/imports", upload(t, "figures.csv", content, map[string]string{"period": "2022"})
		}
	}
	raise := func(unit string) func(*testing.T, string) (string, any) {
		return func(t *testing.T, _ string) (string, any) {
			reset(t, unit, "fiscal")
			return "/api/v1/objections", map[string]any{"unit": unit, "indicator": "fiscal", "period": "2022", "reason": "偏低"}
		}
	}
	answer := func(unit, ind string) func(*testing.T, string) (string, any) {
		return func(t *testing.T, _ string) (string, any) {
			o := objection(t, unit, ind)
			return fmt.Sprintf("/api/v1/objections/%d/answer", o.ID), map[string]any{"decision": "correct", "value": 99, "answer": "更正"}
		}
	}
	eventFile := func(t *testing.T, _ string) (string, any) {
		return "/api/v1/events/" + evs[0].Key + "/attachments", upload(t, "文件.pdf", "%PDF-1.4 event", nil)
	}
	return []workflowCase{
		{"collection: list tasks", "GET", static("/api/v1/collection/tasks?period=2022", nil), [7]int{ok, ok, ok, forb, forb, forb, unau}},
		{"collection: create tasks", "POST", static("/api/v1/collection/tasks", map[string]any{"period": "2023", "deadline": "2023-03-31",
			"indicators": []string{"gdp", "fiscal"}}), [7]int{made, made, forb, forb, forb, forb, unau}},
		{"collection: remind", "POST", static(fmt.Sprintf("/api/v1/collection/tasks/%d/reminders", tasks[1].ID), map[string]string{}),
			[7]int{made, made, forb, forb, forb, forb, unau}},
		{"collection: notifications", "GET", static("/api/v1/collection/notifications", nil), [7]int{ok, ok, ok, ok, ok, forb, unau}},
		{"collection: checked upload of own indicator", "POST", csv("代码,gdp\n620123,101\n"), [7]int{made, made, made, forb, forb, forb, unau}},
		{"collection: checked upload of another department's", "POST", csv("代码,fiscal\n620123,11\n"), [7]int{made, made, forb, forb, forb, forb, unau}},
		{"collection: another user's held import", "GET", static(fmt.Sprintf("/api/v1/collection/imports/%d", held.ID), nil),
			[7]int{ok, ok, ok, forb, forb, forb, unau}},
		{"checks: list rules", "GET", static("/api/v1/checks/rules", nil), [7]int{ok, ok, ok, ok, ok, forb, unau}},
		{"checks: add a rule", "POST", func(_ *testing.T, caller string) (string, any) {
			return "/api/v1/checks/rules", map[string]any{"name": "非负 " + caller, "kind": "bounds", "indicator": "gdp", "lo": 0}
		}, [7]int{made, made, forb, forb, forb, forb, unau}},
		{"checks: explanations", "GET", static("/api/v1/checks/explanations?period=2022", nil), [7]int{ok, ok, ok, ok, ok, forb, unau}},
		{"objections: raise on own county's figure", "POST", raise("620123"), [7]int{made, forb, forb, made, made, forb, unau}},
		{"objections: raise on another prefecture's county", "POST", raise("620802"), [7]int{made, forb, forb, forb, forb, forb, unau}},
		{"objections: answer own department's", "POST", answer("620123", "gdp"), [7]int{ok, ok, ok, forb, forb, nf, unau}},
		{"objections: answer another department's", "POST", answer("620123", "fiscal"), [7]int{ok, ok, nf, forb, forb, nf, unau}},
		{"objections: read own county's", "GET", static(fmt.Sprintf("/api/v1/objections/%d", own.ID), nil), [7]int{ok, ok, ok, ok, ok, nf, unau}},
		{"objections: read another prefecture's", "GET", static(fmt.Sprintf("/api/v1/objections/%d", other.ID), nil), [7]int{ok, ok, ok, nf, nf, nf, unau}},
		{"objections: comment", "POST", static(fmt.Sprintf("/api/v1/objections/%d/comments", own.ID), map[string]string{"body": "请补充材料"}),
			[7]int{made, made, made, made, made, nf, unau}},
		{"objections: list", "GET", static("/api/v1/objections", nil), [7]int{ok, ok, ok, ok, ok, forb, unau}},
		{"objections: attachment", "GET", static(fmt.Sprintf("/api/v1/attachments/%d", thread[0].Attachments[0].ID), nil),
			[7]int{ok, ok, ok, ok, ok, nf, unau}},
		{"events: attach a file", "POST", eventFile, [7]int{made, made, made, forb, forb, nf, unau}},
		{"events: list files", "GET", static("/api/v1/events/"+evs[0].Key+"/attachments", nil), [7]int{ok, ok, ok, ok, ok, nf, unau}},
		{"pages: collection", "GET", static("/collection", nil), [7]int{ok, ok, ok, forb, forb, forb, seeOther}},
		{"pages: confirmation", "GET", static("/confirm", nil), [7]int{ok, ok, ok, ok, ok, forb, seeOther}},
		{"pages: events", "GET", static("/events", nil), [7]int{ok, ok, ok, ok, ok, forb, seeOther}},
		{"pages: held import", "GET", static(fmt.Sprintf("/collection/imports/%d", held.ID), nil), [7]int{ok, ok, ok, forb, forb, forb, seeOther}},
		{"pages: task form", "GET", static(fmt.Sprintf("/collection/tasks/%d/form", tasks[1].ID), nil), [7]int{ok, ok, forb, forb, forb, forb, seeOther}},
	}
}

// TestAuthorisationMatrixWorkflow extends the matrix to every action of the
// workflow: a department may not answer an objection to another
// department's indicator (it may not even see it: 404), a county may not
// object to another county's figure, a viewer may do none of it.
func TestAuthorisationMatrixWorkflow(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		srv := start(t, db, testConfig(), webHooks())
		cases := workflowCases(t, db, f)
		for _, tc := range cases {
			for i, who := range matrixCallers {
				name := who
				if name == "" {
					name = "anonymous"
				}
				t.Run(tc.name+"/"+name, func(t *testing.T) {
					path, body := tc.setup(t, name)
					r := client{t: t, base: srv.url, token: f.tokens[who]}.do(tc.method, path, body)
					if r.status != tc.want[i] {
						t.Fatalf("%s %s as %s: status %d, want %d: %.300s", tc.method, path, name, r.status, tc.want[i], r.body)
					}
				})
			}
		}
		t.Logf("workflow matrix: %d actions × %d callers", len(cases), len(matrixCallers))
	})
}
