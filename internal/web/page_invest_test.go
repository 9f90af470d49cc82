package web_test

import (
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestInvestPages reads the pages on the fixture of authz_invest_test.go:
// the summary of January–June 2024 counts the two signed projects with
// investors from outside Gansu (上海, 香港; the lead is not signed), and
// the funds of all three, 1 + 1 + 1 = 3 亿元 (rule 3 does not ask for a
// contract), of which 2 from 上海 and 北京 (省外) and 1 from 香港 (境外);
// a project shows its funds row.
func TestInvestPages(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		loadInvestPages(t, db, f.actorOf)
		srv := start(t, db, testConfig(), webHooks())
		r := client{t: t, base: srv.url}.do("GET", "/invest", nil)
		body := string(r.body)
		for _, want := range []string{`id="fig-funds">3.00<`, `id="fig-outside">2.00<`, `id="fig-abroad">1.00<`, `id="fig-signed">2<`, "2024 年 1–6 月", `data-code="620100"`, `data-code="620800"`} {
			if r.status != ok || !strings.Contains(body, want) {
				t.Errorf("/invest (%d) lacks %q", r.status, want)
			}
		}
		r = client{t: t, base: srv.url, token: f.tokens["root"]}.do("GET", "/invest/projects/"+investCG, nil)
		for _, want := range []string{`id="invest-counted">1.00`, "2024-06", "股东出资", `id="invest-stage">签约<`} {
			if r.status != ok || !strings.Contains(string(r.body), want) {
				t.Errorf("project page (%d) lacks %q", r.status, want)
			}
		}
		r = client{t: t, base: srv.url, token: f.tokens["root"]}.do("GET", "/invest/projects?over=1", nil)
		if !strings.Contains(string(r.body), `id="invest-count">共 0 个项目<`) {
			t.Errorf("no project has funds above its amount: %.2000s", r.body)
		}
	})
}
