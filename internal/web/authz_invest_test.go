package web_test

import (
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// Projects of the investment fixture, in the counties of authz_test.go's
// fixture: a signed one in 城关区 (兰州市), a lead in 榆中县 (兰州市), a
// signed one in 崆峒区 (平凉市).
const (
	investCG = "2024-620102-44-03-000001"
	investYZ = "XS-2024-000002"
	investKT = "2024-620802-13-03-000003"
)

// loadInvestPages adds the three projects and a funds row each to the fixture.
func loadInvestPages(t *testing.T, db *store.DB, a store.Actor) {
	ps := []invest.Project{
		{ID: investCG, Name: "光伏组件项目", County: "620102", Investor: "示例甲", InvestorLoc: "310115", Signed: 20240315, Amount: 10 * invest.AmountScale},
		{ID: investYZ, Name: "洽谈中的冷链项目", County: "620123", Investor: "示例乙", InvestorLoc: "110105", Amount: 3 * invest.AmountScale,
			Stage: invest.StageLead},
		{ID: investKT, Name: "肉牛养殖项目", County: "620802", Investor: "示例丙", InvestorLoc: "HK", Signed: 20240501, Amount: 2 * invest.AmountScale},
	}
	_, err := db.ImportInvestProjects(ctx, a, store.RevisionNote{Source: "projects.csv"}, ps)
	must(t, err)
	var fs []store.InvestFunds
	for _, p := range ps {
		fs = append(fs, store.InvestFunds{ProjectID: p.ID, Funds: invest.Funds{Month: 202406, Amount: invest.AmountScale,
			Source: invest.SourceShareholder, Evidence: true}})
	}
	_, err = db.ImportInvestFunds(ctx, a, store.RevisionNote{Source: "funds.csv"}, fs)
	must(t, err)
}

// TestAuthorisationMatrixInvest: the public summary is open; the ledger
// needs a login and shows each caller her scope (province: all, 兰州市's
// reviewer her counties, 榆中县 its own), leads and talks only inside
// their county; a project out of scope is not found.
func TestAuthorisationMatrixInvest(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		loadInvestPages(t, db, f.actorOf)
		srv := start(t, db, testConfig(), webHooks())
		// Callers: root, ana, tjj, lz (兰州市), yz (榆中县), v, anonymous.
		cases := []struct {
			name, path string
			want       [7]int
			shows      [7][]string // the projects a list shows to each caller
		}{
			{"summary", "/invest", [7]int{ok, ok, ok, ok, ok, ok, ok}, [7][]string{}},
			{"ledger", "/invest/projects", [7]int{ok, ok, ok, ok, ok, ok, seeOther}, [7][]string{
				{investCG, investKT}, {investCG, investKT}, {investCG, investKT}, {investCG}, {investYZ}, {investCG, investKT}, nil}},
			{"ledger filtered to another prefecture", "/invest/projects?prefecture=620800", [7]int{ok, ok, ok, ok, ok, ok, seeOther},
				[7][]string{{investKT}, {investKT}, {investKT}, {investCG}, {investYZ}, {investKT}, nil}},
			{"ledger filtered to another county", "/invest/projects?county=620802", [7]int{ok, ok, ok, ok, ok, ok, seeOther},
				[7][]string{{investKT}, {investKT}, {investKT}, {investCG}, {investYZ}, {investKT}, nil}},
			{"project in 城关区", "/invest/projects/" + investCG, [7]int{ok, ok, ok, ok, nf, ok, seeOther}, [7][]string{}},
			{"lead in 榆中县", "/invest/projects/" + investYZ, [7]int{nf, nf, nf, nf, ok, nf, seeOther}, [7][]string{}},
			{"review", "/invest/review", [7]int{ok, ok, forb, ok, ok, forb, seeOther}, [7][]string{}},
			{"project in 崆峒区", "/invest/projects/" + investKT, [7]int{ok, ok, ok, nf, nf, ok, seeOther}, [7][]string{}},
		}
		all := []string{investCG, investYZ, investKT}
		for _, tc := range cases {
			for i, who := range matrixCallers {
				name := who
				if name == "" {
					name = "anonymous"
				}
				t.Run(tc.name+"/"+name, func(t *testing.T) {
					r := client{t: t, base: srv.url, token: f.tokens[who]}.do("GET", tc.path, nil)
					if r.status != tc.want[i] {
						t.Fatalf("GET %s as %s: status %d, want %d", tc.path, name, r.status, tc.want[i])
					}
					if r.status != ok || tc.shows[i] == nil {
						return
					}
					for _, id := range all {
						want := strings.Contains(strings.Join(tc.shows[i], " "), id)
						if got := strings.Contains(string(r.body), id); got != want {
							t.Errorf("GET %s as %s: shows %s = %v, want %v", tc.path, name, id, got, want)
						}
					}
				})
			}
		}
	})
}
