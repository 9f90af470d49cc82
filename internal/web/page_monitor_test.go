package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/docx"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestMonitorPages: the heat table, a unit's page, the problem list, the
// quarterly rankings and the meeting paper, as the office and as a county.
func TestMonitorPages(t *testing.T) {
	db := storetest.MustOpen(t)
	f := load(t, db)
	yk, kd := monitorFixture(t, db, f)
	srv := start(t, db, testConfig(), webHooks())
	as := func(who string) client { return client{t: t, base: srv.url, token: f.tokens[who]} }
	for _, c := range []struct {
		name, who, path string
		status          int
		has, hasNot     []string
	}{
		// 榆中县's inv fell 10 % (red); the others grew 10 %, as did the
		// province: green without a target (growth ≥ the province's).
		{"office heat table", "ana", "/monitor?period=2023-06", 200,
			[]string{`data-unit="620123"`, `data-unit="620802"`, `data-light="red"`, `data-light="green"`, `id="trend"`}, []string{`id="unreleased"`}},
		{"office sees an unreleased month", "ana", "/monitor", 200, []string{`id="unreleased"`, "2023-07"}, nil},
		{"county sees its own row of the latest released month", "yz", "/monitor", 200, []string{`data-unit="620123"`, "2023-06"}, []string{`data-unit="620102"`, "2023-07"}},
		{"county not before release", "yz", "/monitor?period=2023-07", 403, nil, nil},
		{"viewer never", "v", "/monitor", 403, nil, nil},
		{"county's own page", "yz", "/monitor/620123", 200, []string{`id="ind-inv"`, `data-month="6"`, fmt.Sprintf("#p%d", yk)}, nil},
		{"another county's page", "yz", "/monitor/620802", 403, nil, nil},
		{"prefecture's problems", "lz", "/monitor/problems", 200, []string{fmt.Sprintf(`id="p%d"`, yk)}, []string{fmt.Sprintf(`id="p%d"`, kd), `id="raise"`}},
		{"office's problems with red lights", "ana", "/monitor/problems", 200, []string{fmt.Sprintf(`id="p%d"`, kd), `id="raise"`, `id="reds"`, `data-indicator="inv"`}, nil},
		{"quarterly rankings", "ana", "/monitor/quarters", 200, []string{`data-unit="620123"`}, nil},
		{"quarterly notice", "ana", "/monitor/quarters.docx", 200, nil, nil},
		{"no quarterly notice for a county", "yz", "/monitor/quarters.docx", 403, nil, nil},
		{"meeting paper", "ana", "/monitor/meeting.xlsx?period=2023-06", 200, nil, nil},
		{"no meeting paper for a county", "yz", "/monitor/meeting.xlsx", 403, nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := as(c.who).do("GET", c.path, nil)
			if r.status != c.status {
				t.Fatalf("status %d, want %d: %.300s", r.status, c.status, r.body)
			}
			for _, s := range c.has {
				if !strings.Contains(string(r.body), s) {
					t.Errorf("lacks %s", s)
				}
			}
			for _, s := range c.hasNot {
				if strings.Contains(string(r.body), s) {
					t.Errorf("has %s", s)
				}
			}
		})
	}

	// The quarterly notice is marked internal and lists the quarter's
	// ranking: the fixture's only quarter is 2023-06, Q2.
	r := as("ana").do("GET", "/monitor/quarters.docx", nil)
	txt, err := docx.ReadText(r.body)
	if err != nil {
		t.Fatal(err)
	}
	all := txt.All()
	for _, s := range []string{"内部资料", "关于2023年第2季度县域经济主要指标监测情况的通报", "2023年7月", "榆中县"} {
		if !strings.Contains(all, s) {
			t.Errorf("the notice lacks %q", s)
		}
	}

	// The loop through the forms: the office orders, the county replies
	// and asks for 销号, the office approves.
	post := func(who, path string, kv ...string) {
		t.Helper()
		c := as(who)
		c.hdr = http.Header{"Origin": {srv.url}}
		if r := c.do("POST", path, form(kv...)); r.status != http.StatusSeeOther {
			t.Fatalf("POST %s as %s: %d %.300s", path, who, r.status, r.body)
		}
	}
	path := fmt.Sprintf("/monitor/problems/%d", yk)
	post("ana", path, "step", "order", "body", "督办〔2023〕3号")
	post("yz", path, "step", "reply", "body", "三个项目开工")
	post("yz", path, "step", "request", "evidence", "入库凭证")
	post("ana", path, "step", "approve")
	p, err := db.Problem(ctx, yk)
	if err != nil || p.State != store.ProblemClosed || len(p.Steps) != 5 {
		t.Fatalf("problem %+v %v", p, err)
	}
	post("ana", "/monitor/problems", "source", "indicator", "unit", "620123", "indicator", "inv", "period", "2023-06",
		"title", "inv 红灯", "responsible", "榆中县发展改革局", "deadline", "2023-08-31")
	post("ana", "/monitor/problems/escalations")
}
