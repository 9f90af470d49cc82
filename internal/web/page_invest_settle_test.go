package web_test

import (
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestInvestSettlePage: 城关区 and 榆中县 both report one investor's
// photovoltaic project; /invest/review shows the office the pair with its
// two settlements; a county and a prefecture may not settle; the office
// counts it at 城关区 with 榆中县 as referrer, after which the pair is gone,
// the settlement is listed, 榆中县 sees its referrer credit and the
// metrics count the project once.
func TestInvestSettlePage(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		const code = "91310000MA1FL0001R"
		_, err := db.ImportInvestProjects(ctx, store.Actor{Username: "fixture"}, store.RevisionNote{Source: "test"}, []invest.Project{
			{ID: "P-620102-1", Name: "（示例）光伏组件制造项目", County: "620102", Investor: "示例新能源", InvestorCode: code,
				InvestorLoc: "310115", Signed: 20240615, Amount: 1_000_000_000},
			{ID: "P-620123-9", Name: "（示例）光伏组件制造基地", County: "620123", Investor: "示例新能源", InvestorCode: code,
				InvestorLoc: "310115", Signed: 20240620, Amount: 1_000_000_000},
		})
		must(t, err)
		srv := start(t, db, testConfig(), webHooks())
		as := func(who string) client { return client{t: t, base: srv.url, token: f.tokens[who]} }
		page := string(as("root").do("GET", "/invest/review", nil).body)
		if !strings.Contains(page, `data-existing="P-620102-1" data-incoming="P-620123-9"`) || strings.Count(page, `class="inline settle-form"`) != 2 ||
			!strings.Contains(page, "计入 城关区，榆中县 为引荐方") {
			t.Fatalf("the office does not see the pair and its two settlements: %.4000s", page)
		}
		settle := []string{"kept", "P-620102-1", "duplicate", "P-620123-9", "location", "620102", "referrer", "620123", "reason", "项目落地城关区"}
		for _, c := range []struct {
			who    string
			kv     []string
			status int
		}{
			{"yz", settle, forb},
			{"lz", settle, forb},
			{"root", []string{"kept", "P-620102-1", "duplicate", "P-620123-9", "location", "620123", "referrer", "620102", "reason", "x"}, bad}, // P-620102-1 is not in 榆中县
			{"root", settle, seeOther},
		} {
			if r := as(c.who).do("POST", "/invest/duplicates", form(c.kv...)); r.status != c.status {
				t.Errorf("%s settles: %d, want %d: %.300s", c.who, r.status, c.status, r.body)
			}
		}
		page = string(as("root").do("GET", "/invest/review", nil).body)
		if strings.Contains(page, "data-existing=") || !strings.Contains(page, `<tr data-kept="P-620102-1">`) {
			t.Errorf("after settling, the pair stays or the settlement is missing: %.4000s", page)
		}
		if own := string(as("yz").do("GET", "/invest/review", nil).body); !strings.Contains(own, `id="credits"`) || !strings.Contains(own, `<tr data-kept="P-620102-1">`) {
			t.Errorf("榆中县 does not see its referrer credit: %.4000s", own)
		}
		rows, err := db.InvestMetrics(ctx, invest.Options{Level: invest.LevelProvince, From: 202401, To: 202412, OverdueMonths: invest.DefaultOverdueMonths})
		if err != nil || len(rows) != 1 || rows[0].SignedCount != 1 || rows[0].SignedAmount != 10 {
			t.Errorf("province metrics after settling = %+v, %v; want 1 project of 10 亿元", rows, err)
		}
	})
}
