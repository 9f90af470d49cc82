package store_test

import (
	"testing"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/invest/investtest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestInvestProjectCounts: the ledger page's count without a search, read
// from the projects counted by county, stage and year, equals the count of
// the current projects the filter selects, after an import, new versions
// that move a project to another county, stage and year, and a settlement
// that drops one; with the over-funded filter or a search (counted over
// the projects) the count is the page's rows.
func TestInvestProjectCounts(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		l := investtest.BigLedger(700) // 84 counties of 14 prefectures, 2020–2024
		ps := l.Projects
		if _, err := db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "p.csv"}, ps); err != nil {
			t.Fatal(err)
		}
		// P000003 moves to 620102, becomes a lead (线索) signed in 2023.
		moved := ps[3]
		moved.County, moved.Stage, moved.Signed = "620102", invest.StageLead, 20230505
		if _, err := db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "p2.csv"}, []invest.Project{moved}); err != nil {
			t.Fatal(err)
		}
		ps[3] = moved
		if _, err := db.SettleInvestDuplicate(ctx, alice, invest.Settlement{Kept: "P000010", Duplicate: "P000011",
			Location: ps[10].County, Referrer: ps[11].County, Reason: "同一项目"}); err != nil {
			t.Fatal(err)
		}
		current := append(append([]invest.Project{}, ps[:11]...), ps[12:]...)
		cur, err := db.InvestLedger(ctx) // the stages as stored (imported without one: by the dates)
		if err != nil {
			t.Fatal(err)
		}
		if len(cur.Projects) != len(current) {
			t.Fatalf("%d current projects, want %d", len(cur.Projects), len(current))
		}
		for _, c := range []struct {
			name string
			f    store.InvestProjectFilter
		}{
			{"all", store.InvestProjectFilter{TalksCounty: "*"}},
			{"all but others' talks", store.InvestProjectFilter{}},
			{"a county's own talks", store.InvestProjectFilter{TalksCounty: "620102"}},
			{"one county", store.InvestProjectFilter{County: "620102", TalksCounty: "*"}},
			{"a prefecture and a year", store.InvestProjectFilter{Prefecture: "620100", Year: 2023, TalksCounty: "620102"}},
			{"a stage", store.InvestProjectFilter{Stage: invest.StageLead, TalksCounty: "*"}},
			{"a year", store.InvestProjectFilter{Year: 2021}},
			{"nothing", store.InvestProjectFilter{Year: 2030, TalksCounty: "*"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				want := 0
				for _, p := range cur.Projects {
					talks := p.Stage == invest.StageLead || p.Stage == invest.StageTalks
					if (c.f.County == "" || p.County == c.f.County) &&
						(c.f.Prefecture == "" || p.County[:4] == c.f.Prefecture[:4]) &&
						(c.f.Stage == "" || p.Stage == c.f.Stage) &&
						(c.f.Year == 0 || int(p.Signed)/10000 == c.f.Year) &&
						(c.f.TalksCounty == "*" || !talks || p.County == c.f.TalksCounty) {
						want++
					}
				}
				_, total, err := db.InvestProjects(ctx, c.f)
				if err != nil || total != want {
					t.Errorf("total %d (%v), want %d", total, err, want)
				}
				f := c.f
				f.OverFunded, f.Limit = true, 200 // counted over the projects
				rows, total, err := db.InvestProjects(ctx, f)
				if err != nil || (total <= 200 && total != len(rows)) {
					t.Errorf("over-funded: total %d, %d rows (%v)", total, len(rows), err)
				}
			})
		}
		if _, total, err := db.InvestProjects(ctx, store.InvestProjectFilter{County: "620102", Stage: invest.StageLead, Year: 2023, TalksCounty: "*"}); err != nil || total < 1 {
			t.Errorf("the moved project is not counted in 620102: %d, %v", total, err)
		}
	})
}
