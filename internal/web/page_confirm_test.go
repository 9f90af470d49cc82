package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestWorkflowForms drives the workflow's browser forms on the small
// fixture: each form redirects (303) after its change, or comes back with
// the problems listed; the pages then show the change.
func TestWorkflowForms(t *testing.T) {
	db := storetest.MustOpen(t)
	f := load(t, db)
	srv := start(t, db, testConfig(), webHooks())
	as := func(user string) client { return client{t: t, base: srv.url, token: f.tokens[user]} }
	post := func(c client, path string, kv url.Values) response {
		t.Helper()
		return c.do("POST", path, strings.NewReader(kv.Encode()))
	}
	redirected := func(r response, prefix string) {
		t.Helper()
		if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), prefix) {
			t.Fatalf("status %d to %q, want 303 to %s…: %.400s", r.status, r.header.Get("Location"), prefix, r.body)
		}
	}
	ana, tjj, yz := as("ana"), as("tjj"), as("yz")

	redirected(post(ana, "/collection/tasks", url.Values{"period": {"2023"}, "deadline": {"2023-04-30"}, "indicators": {"gdp，fiscal"}}), "/collection?done=tasks")
	tasks, err := db.Tasks(ctx, store.TaskFilter{Period: "2023"})
	must(t, err)
	if len(tasks) != 2 {
		t.Fatalf("%d tasks, want 2", len(tasks))
	}
	redirected(post(ana, fmt.Sprintf("/collection/tasks/%d/remind", tasks[1].ID), nil), "/collection?done=remind")
	redirected(post(ana, "/collection/rules", url.Values{"name": {"gdp 上限"}, "kind": {"bounds"}, "indicator": {"gdp"}, "hi": {"1000"}}), "/collection?done=rule")
	rules, err := db.CheckRules(ctx)
	must(t, err)
	redirected(post(ana, fmt.Sprintf("/collection/rules/%d", rules[1].ID), url.Values{"enabled": {"false"}}), "/collection?done=rule")
	if rules, _ := db.CheckRules(ctx); rules[1].Enabled || !rules[0].Enabled || len(rules) != 3 {
		t.Errorf("rules after the forms: %+v", rules)
	}
	if r := post(tjj, "/collection/rules", url.Values{"name": {"x"}, "kind": {"bounds"}, "lo": {"0"}}); r.status != http.StatusForbidden {
		t.Errorf("a department adds a rule: %d", r.status)
	}

	// A hard finding comes back on the page at its cell.
	r := tjj.do("POST", "/collection/import", upload(t, "gdp.csv", "代码,gdp\n620123,5000\n", map[string]string{"period": "2023"}))
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(string(r.body), "gdp.csv:2:2") || !strings.Contains(string(r.body), "gdp 上限") {
		t.Fatalf("hard finding on the page: %d %.600s", r.status, r.body)
	}
	// A soft finding (the change rule, now on the 2022 base of 101) holds
	// the upload; the page asks for the explanation until it is given.
	r = tjj.do("POST", "/collection/import", upload(t, "gdp.csv", "代码,gdp\n620123,500\n620102,100\n", map[string]string{"period": "2023"}))
	redirected(r, "/collection/imports/")
	heldPath := r.header.Get("Location")
	if r := post(tjj, heldPath, url.Values{}); r.status != http.StatusUnprocessableEntity || !strings.Contains(string(r.body), "620123") {
		t.Fatalf("explaining nothing: %d %.400s", r.status, r.body)
	}
	if r := yz.do("GET", heldPath, nil); r.status != http.StatusForbidden {
		t.Errorf("a county reads 统计局's held upload: %d", r.status)
	}
	redirected(post(tjj, heldPath, url.Values{"x.620123.gdp": {"榆中县新建项目投产"}}), "/collection?imported=")
	board := string(tjj.do("GET", "/collection?period=2023", nil).body)
	if !strings.Contains(board, `data-indicator="gdp" data-status="missing"`) || strings.Contains(board, `data-indicator="fiscal"`) {
		t.Errorf("统计局's board: gdp should be missing (2 of 3 counties, past its deadline) and fiscal not shown")
	}

	// The county confirms one figure and objects to another; the
	// department answers on the objection's page; both sides comment.
	redirected(post(yz, "/confirm", url.Values{"period": {"2022"}, "fig": {"620123|fiscal"}}), "/confirm?done=confirmed")
	if o, _ := db.Observation(ctx, store.ObservationKey{Unit: "620123", Indicator: "fiscal", Period: "2022"}, store.Latest); o.Status != store.StatusConfirmed {
		t.Errorf("confirmed figure: %+v", o)
	}
	if r := post(yz, "/confirm", url.Values{"period": {"2022"}, "fig": {"620802|fiscal"}}); r.status != http.StatusForbidden {
		t.Errorf("confirming another prefecture's figure: %d", r.status)
	}
	r = yz.do("POST", "/confirm/objections", upload(t, "说明.pdf", "%PDF-1.4 x", map[string]string{"period": "2022",
		"fig": "620123|gdp", "reason": "口径有误", "proposed": "120"}))
	redirected(r, "/confirm/objections/")
	objPath := r.header.Get("Location")
	if r := yz.do("POST", "/confirm/objections", upload(t, "run.exe", "MZ", map[string]string{"period": "2022",
		"fig": "620123|fiscal", "reason": "x"})); r.status != http.StatusBadRequest || !strings.Contains(string(r.body), ".pdf") {
		t.Errorf("an executable attachment: %d %.300s", r.status, r.body)
	}
	redirected(tjj.do("POST", objPath+"/comment", upload(t, "", "", map[string]string{"body": "请补充佐证"})), objPath)
	redirected(tjj.do("POST", objPath+"/answer", upload(t, "", "", map[string]string{"decision": "correct", "value": "120",
		"answer": "异议成立"})), objPath)
	page := string(yz.do("GET", objPath, nil).body)
	for _, want := range []string{"请补充佐证", "异议成立", "说明.pdf", `data-kind="correct"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the objection page lacks %q", want)
		}
	}
	if strings.Contains(page, `action="`+objPath+`/answer"`) {
		t.Error("the county is offered the answer form")
	}
	if body := string(yz.do("GET", "/confirm?period=2022", nil).body); !strings.Contains(body, `data-state="corrected"`) ||
		!strings.Contains(body, "已更正") {
		t.Error("the confirmation page does not show the corrected objection")
	}
}
