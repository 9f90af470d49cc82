package web_test

import (
	"testing"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestMonthlyAuthorisation: the monitoring collection endpoints (open a
// period's tasks, adopt its collected figures, list the adoptions) and the
// settlement of duplicate investment reports, as every role and scope.
// Each caller meets the same state: the tasks are re-dated, an adoption
// replaces the stage's figures, and a settlement of an unknown project is
// refused before anything changes (404 for the office, 403 for the rest).
func TestMonthlyAuthorisation(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		a := f.actorOf
		monitorFixture(t, db, f)
		must(t, db.PutIndicators(ctx, a, []store.Indicator{{Code: "inv", NameZH: "固定资产投资（累计）", Unit: "亿元", Direction: 1, Department: "统计局"}}))
		_, err := db.ImportObservations(ctx, a, store.RevisionNote{Kind: "import", Source: "test"}, []store.Observation{
			{Unit: "620102", Indicator: "inv", Period: "2023-M08", Value: 800}, {Unit: "620123", Indicator: "inv", Period: "2023-M08", Value: 700}})
		must(t, err)
		_, err = db.ImportInvestProjects(ctx, a, store.RevisionNote{Source: "test"}, []invest.Project{
			{ID: "P-1", Name: "光伏组件制造项目", County: "620102", InvestorCode: "91310000MA1FL0001R", InvestorLoc: "310115", Signed: 20240615, Amount: 1}})
		must(t, err)
		srv := start(t, db, testConfig(), webHooks())
		settle := form("kept", "P-1", "duplicate", "P-404", "location", "620102", "referrer", "620123", "reason", "x")
		cases := []struct {
			name   string
			method string
			path   string
			body   any
			want   [7]int
		}{
			{"open a period's tasks", "POST", "/api/v1/monitor/tasks", map[string]string{"period": "2023-08", "deadline": "2023-09-15"},
				[7]int{made, made, forb, forb, forb, forb, unau}},
			{"open January's tasks", "POST", "/api/v1/monitor/tasks", map[string]string{"period": "2023-01", "deadline": "2023-02-15"},
				[7]int{bad, bad, forb, forb, forb, forb, unau}},
			{"adopt", "POST", "/api/v1/monitor/adoptions", map[string]string{"period": "2023-08", "stage": "preliminary"},
				[7]int{made, made, forb, forb, forb, forb, unau}},
			{"adopt a bad stage", "POST", "/api/v1/monitor/adoptions", map[string]string{"period": "2023-08", "stage": "draft"},
				[7]int{bad, bad, forb, forb, forb, forb, unau}},
			{"list adoptions", "GET", "/api/v1/monitor/adoptions?year=2023", nil, [7]int{ok, ok, forb, forb, forb, forb, unau}},
			{"settle a duplicate", "POST", "/invest/duplicates", settle, [7]int{nf, nf, forb, forb, forb, forb, unau}},
		}
		for _, tc := range cases {
			for i, who := range matrixCallers {
				name := who
				if name == "" {
					name = "anonymous"
				}
				t.Run(tc.name+"/"+name, func(t *testing.T) {
					r := client{t: t, base: srv.url, token: f.tokens[who]}.do(tc.method, tc.path, tc.body)
					if r.status != tc.want[i] {
						t.Fatalf("%s %s as %s: status %d, want %d: %.300s", tc.method, tc.path, name, r.status, tc.want[i], r.body)
					}
				})
			}
		}
		// The two adoptions made (root's and ana's) took 620102 and 620123.
		ads, err := db.MonitorAdoptions(ctx, 2023)
		if err != nil || len(ads) != 2 || ads[0].Figures != 2 {
			t.Errorf("adoptions %+v, %v", ads, err)
		}
	})
}
