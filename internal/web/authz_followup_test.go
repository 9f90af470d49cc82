package web_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// followupFixture stores four projects on the matrix fixture: YZ1 (榆中县,
// 6 亿, start due 2023-03-01, not started: behind schedule), YZ2 (榆中县,
// 5 亿, started early, production due 2030), YZ0 (榆中县, a lead) and KD1
// (崆峒区 of 平凉市, 7 亿, behind schedule); YZ1 and KD1 under follow-up.
func followupFixture(t *testing.T, db *store.DB, a store.Actor) {
	ps := []invest.Project{
		{ID: "YZ1", Name: "示例项目YZ1", County: "620123", Signed: 20230115, Amount: 6 * invest.AmountScale, ContractStart: 20230301, ContractProd: 20250301},
		{ID: "YZ2", Name: "示例项目YZ2", County: "620123", Signed: 20230201, Amount: 5 * invest.AmountScale, ContractStart: 20230301,
			ActualStart: 20230220, ContractProd: 20300101},
		{ID: "YZ0", Name: "示例线索YZ0", County: "620123"},
		{ID: "KD1", Name: "示例项目KD1", County: "620802", Signed: 20230301, Amount: 7 * invest.AmountScale, ContractStart: 20230601},
	}
	_, err := db.ImportInvestProjects(ctx, a, store.RevisionNote{Source: "projects.csv"}, ps)
	must(t, err)
	for _, id := range []string{"YZ1", "KD1"} {
		must(t, db.PutFollowupLeader(ctx, a, id, "县长", "县发展和改革局"))
	}
}

// TestAuthorisationMatrixFollowup: contract follow-up and scheduling are
// internal (viewers 403, anonymous 401 or the login form); the office
// reads and writes all, departments read all, 兰州市's reviewer reads her
// counties' and raises problems from them, 榆中县 keeps its own projects
// and raises problems from them; a project out of scope is not found; a
// problem from a project needs one behind schedule or short of contract.
func TestAuthorisationMatrixFollowup(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		followupFixture(t, db, f.actorOf)
		srv := start(t, db, testConfig(), webHooks())
		terms := map[string]any{"terms": map[string]any{"land_mu": 100, "invest_per_mu": 300}, "years": []map[string]any{
			{"year": 2023, "side": "commit", "investment": 10000}, {"year": 2023, "side": "actual", "investment": 9000, "tax": nil}}}
		incentive := map[string]any{"kind": "tax", "content": "税收返还", "named_firm": true, "granted": "2024-09-01"}
		deflt := map[string]any{"day": "2025-03-01", "action": "notice", "note": "催告"}
		badDefault := map[string]any{"day": "2025-03-01", "action": "jail"}
		leader := map[string]any{"leader": "常务副县长", "department": "县商务局"}
		raise := func(project string) map[string]any {
			return map[string]any{"source": "project", "project": project, "title": "开工滞后", "responsible": "县自然资源局", "deadline": "2027-01-31"}
		}
		zone := map[string]any{"source": "zone", "zone": "620123", "year": 2025, "action": "退出预警", "title": "x", "responsible": "y", "deadline": "2027-01-31"}
		form := func(body string) *strings.Reader { return strings.NewReader(body) }
		cases := []struct {
			name, method, path string
			body               any
			want               [7]int // root, ana, tjj, lz, yz, v, anonymous
		}{
			{"list", "GET", "/api/v1/invest/followup", nil, [7]int{ok, ok, ok, ok, ok, forb, unau}},
			{"own project", "GET", "/api/v1/invest/followup/YZ1", nil, [7]int{ok, ok, ok, ok, ok, forb, unau}},
			{"another prefecture's project", "GET", "/api/v1/invest/followup/KD1", nil, [7]int{ok, ok, ok, nf, nf, forb, unau}},
			{"a lead", "GET", "/api/v1/invest/followup/YZ0", nil, [7]int{nf, nf, nf, nf, nf, forb, unau}},
			{"no project", "GET", "/api/v1/invest/followup/NONE", nil, [7]int{nf, nf, nf, nf, nf, forb, unau}},
			{"record terms and years", "PUT", "/api/v1/invest/followup/YZ1", terms, [7]int{ok, ok, forb, forb, ok, forb, unau}},
			{"record another prefecture's", "PUT", "/api/v1/invest/followup/KD1", terms, [7]int{ok, ok, forb, nf, nf, forb, unau}},
			{"add an incentive", "POST", "/api/v1/invest/followup/YZ1/incentives", incentive, [7]int{made, made, forb, forb, made, forb, unau}},
			{"record a default action", "POST", "/api/v1/invest/followup/YZ1/defaults", deflt, [7]int{made, made, forb, forb, made, forb, unau}},
			{"an unknown default action", "POST", "/api/v1/invest/followup/YZ1/defaults", badDefault, [7]int{bad, bad, forb, forb, bad, forb, unau}},
			{"set a 包抓 leader", "PUT", "/api/v1/invest/schedule/YZ1/leader", leader, [7]int{ok, ok, forb, forb, ok, forb, unau}},
			{"schedule", "GET", "/api/v1/invest/schedule", nil, [7]int{ok, ok, ok, ok, ok, forb, unau}},
			{"raise from own project behind schedule", "POST", "/api/v1/monitor/problems", raise("YZ1"), [7]int{made, made, forb, made, made, forb, unau}},
			{"raise from another prefecture's project", "POST", "/api/v1/monitor/problems", raise("KD1"), [7]int{made, made, forb, forb, forb, forb, unau}},
			{"raise from a project on schedule", "POST", "/api/v1/monitor/problems", raise("YZ2"), [7]int{bad, bad, forb, bad, bad, forb, unau}},
			{"raise from a zone without that warning", "POST", "/api/v1/monitor/problems", zone, [7]int{bad, bad, forb, forb, forb, forb, unau}},
			{"page: list", "GET", "/invest/followup", nil, [7]int{ok, ok, ok, ok, ok, forb, seeOther}},
			{"page: own project", "GET", "/invest/followup/YZ1", nil, [7]int{ok, ok, ok, ok, ok, forb, seeOther}},
			{"page: another prefecture's project", "GET", "/invest/followup/KD1", nil, [7]int{ok, ok, ok, nf, nf, forb, seeOther}},
			{"page: schedule", "GET", "/invest/schedule", nil, [7]int{ok, ok, ok, ok, ok, forb, seeOther}},
			{"page: meeting workbook", "GET", "/invest/schedule/meeting.xlsx", nil, [7]int{ok, ok, ok, ok, ok, forb, seeOther}},
			{"page: meeting document", "GET", "/invest/schedule/meeting.docx", nil, [7]int{ok, ok, ok, ok, ok, forb, seeOther}},
			{"page: record terms", "POST", "/invest/followup/YZ1", form("op=terms&land_mu=120&invest_per_mu=300"), [7]int{seeOther, seeOther, forb, forb, seeOther, forb, unau}},
		}
		for _, tc := range cases {
			for i, who := range matrixCallers {
				name := who
				if name == "" {
					name = "anonymous"
				}
				t.Run(tc.name+"/"+name, func(t *testing.T) {
					body := tc.body
					if rd, ok := body.(*strings.Reader); ok {
						rd.Seek(0, 0)
						body = strings.NewReader(func() string { b := make([]byte, rd.Len()); rd.Read(b); return string(b) }())
					}
					r := client{t: t, base: srv.url, token: f.tokens[who]}.do(tc.method, tc.path, body)
					if r.status != tc.want[i] {
						t.Fatalf("%s %s as %s: status %d, want %d: %.300s", tc.method, tc.path, name, r.status, tc.want[i], r.body)
					}
				})
			}
		}
		// What each sees: the office and departments both projects, 兰州市
		// and 榆中县 only YZ1, on the list, the scheduling view and the
		// meeting paper.
		for who, want := range map[string][]string{"ana": {"KD1", "YZ1"}, "tjj": {"KD1", "YZ1"}, "lz": {"YZ1"}, "yz": {"YZ1"}} {
			c := client{t: t, base: srv.url, token: f.tokens[who]}
			var list []struct{ Project struct{ ID string } }
			c.do("GET", "/api/v1/invest/followup", nil).decode(t, &list)
			var sch struct {
				Behind   []struct{ ID string }
				Problems []struct{ Project string }
				Key      int `json:"key_projects"`
			}
			c.do("GET", "/api/v1/invest/schedule", nil).decode(t, &sch)
			var ids, behind []string
			for _, p := range list {
				ids = append(ids, p.Project.ID)
			}
			for _, p := range sch.Behind {
				behind = append(behind, p.ID)
			}
			slices.Sort(ids)
			slices.Sort(behind)
			slices.Sort(want)
			if strings.Join(ids, ",") != strings.Join(want, ",") || strings.Join(behind, ",") != strings.Join(want, ",") {
				t.Errorf("%s: follow-up %v, behind %v; want %v", who, ids, behind, want)
			}
			// YZ2 is a key project of 榆中县 too: 3 in all, 2 for 榆中县.
			if wantKey := map[int]int{2: 3, 1: 2}[len(want)]; sch.Key != wantKey {
				t.Errorf("%s: %d key projects, want %d", who, sch.Key, wantKey)
			}
			for _, p := range sch.Problems {
				if !strings.Contains(strings.Join(want, ","), p.Project) {
					t.Errorf("%s sees a problem of %s", who, p.Project)
				}
			}
		}
	})
}
