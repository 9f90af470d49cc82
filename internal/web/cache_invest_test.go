package web_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestLedgerCacheFollowsChanges reads the ledger's cached pages and API
// answers, changes the ledger — funds reported, a project renamed — and
// reads them again: the next request shows the change. Two callers of
// different scope read the same path in turn and each sees her own.
func TestLedgerCacheFollowsChanges(t *testing.T) {
	db := storetest.MustOpen(t)
	f := load(t, db)
	loadInvestPages(t, db, f.actorOf)
	srv := start(t, db, testConfig(), webHooks())
	ana := client{t: t, base: srv.url, token: f.tokens["ana"]}
	yz := client{t: t, base: srv.url, token: f.tokens["yz"]}
	get := func(c client, path string) string {
		t.Helper()
		r := c.do("GET", path, nil)
		if r.status != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, r.status, r.body)
		}
		return string(r.body)
	}
	const metrics = "/api/v1/invest/metrics?level=province&from=2024-01&to=2024-12"
	funds := func() float64 {
		t.Helper()
		var out struct{ Rows []map[string]any }
		if err := json.Unmarshal([]byte(get(ana, metrics)), &out); err != nil || len(out.Rows) != 1 {
			t.Fatalf("metrics: %v, %d rows", err, len(out.Rows))
		}
		v, _ := out.Rows[0]["funds"].(float64)
		return v
	}
	before := funds()
	if again := funds(); again != before {
		t.Fatalf("a second read of the metrics gives funds %v, the first %v", again, before)
	}
	_, err := db.ImportInvestFunds(ctx, f.actorOf, store.RevisionNote{Source: "funds.csv"}, []store.InvestFunds{{ProjectID: investCG,
		Funds: invest.Funds{Month: 202407, Amount: 2 * invest.AmountScale, Source: invest.SourceShareholder, Evidence: true}}})
	must(t, err)
	if after := funds(); after != before+2 {
		t.Errorf("funds after 2亿元 more were reported: %v, want %v", after, before+2)
	}

	// The ledger page, as the office and as 榆中县, before and after a
	// project of 城关区 is renamed.
	const oldName, newName = "光伏组件项目", "光伏组件二期项目"
	for range 2 {
		if page := get(ana, "/invest/projects"); !strings.Contains(page, oldName) {
			t.Fatalf("the office's ledger lacks %s", oldName)
		}
		if page := get(yz, "/invest/projects"); strings.Contains(page, oldName) {
			t.Fatalf("榆中县's ledger shows 城关区's project %s", oldName)
		}
	}
	_, err = db.ImportInvestProjects(ctx, f.actorOf, store.RevisionNote{Source: "projects.csv"}, []invest.Project{{ID: investCG,
		Name: newName, County: "620102", Investor: "示例甲", InvestorLoc: "310115", Signed: 20240315, Amount: 10 * invest.AmountScale}})
	must(t, err)
	if page := get(ana, "/invest/projects"); !strings.Contains(page, newName) {
		t.Errorf("the office's ledger does not show the new name %s", newName)
	}
	if page := get(yz, "/invest/projects"); strings.Contains(page, newName) {
		t.Errorf("榆中县's ledger shows 城关区's project %s", newName)
	}
}
