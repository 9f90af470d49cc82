package store_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestInvestMapCounts counts the example ledger (examples/invest) and one
// project in a sub-park for the map. By county, zone and stage:
//
//	620123 620171 签约 1 (SL-2024-009, in sub-park 620171-01 of 兰州新区)
//	620602 –      签约 1 (007, 1 亿元), 投产 1 (003, 5 亿元)
//	620622 –      签约 1 (002, 3 亿元)
//	620622 GLGY   签约 2 (004 2 亿元 + its increase 006 2 亿元 = 4 亿元), 开工 1 (001, 10 亿元)
//	620702 –      线索 1 (008, no amount), 终止 1 (005, 8 亿元)
//
// A province user (TalksCounty "") does not see 620702's 线索; a zone
// filter keeps its own and its sub-parks' projects.
func TestInvestMapCounts(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		storetest.StoreLedger(t, db, alice, exampleLedger(t))
		if _, err := db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "zone.csv"}, []invest.Project{{
			ID: "SL-2024-009", Name: "（示例数据）精细化工项目", County: "620123", Zone: "620171-01", Investor: "示例化工有限公司",
			InvestorCode: "91620100MA0000009X", InvestorLoc: "310115", Signed: 20240601, Amount: 100000000, Industry: "C2661"}, {
			ID: "SL-2024-010", Name: "（示例数据）涂料项目", County: "620123", Zone: "620171", Investor: "示例涂料有限公司",
			InvestorCode: "91620100MA0000010X", InvestorLoc: "310115", Signed: 20240602, Amount: 200000000, Industry: "C2641"}}); err != nil {
			t.Fatal(err)
		}
		const yi = 100000000
		c := func(county, zone string, st invest.Stage, n int, amount invest.Amount) store.InvestMapCount {
			return store.InvestMapCount{County: county, Zone: zone, Stage: st, Projects: n, Amount: amount}
		}
		all := []store.InvestMapCount{
			c("620123", "620171", invest.StageSigned, 2, 3*yi), // 1 + 2亿元, two industries in one row
			c("620602", "", invest.StageSigned, 1, 1*yi), c("620602", "", invest.StageProducing, 1, 5*yi),
			c("620622", "", invest.StageSigned, 1, 3*yi),
			c("620622", "GLGY", invest.StageSigned, 2, 4*yi), c("620622", "GLGY", invest.StageStarted, 1, 10*yi),
			c("620702", "", invest.StageLead, 1, 0), c("620702", "", invest.StageTerminated, 1, 8*yi),
		}
		for _, tc := range []struct {
			name string
			f    store.InvestMapFilter
			want []store.InvestMapCount
		}{
			{"all", store.InvestMapFilter{TalksCounty: "*"}, all},
			{"province user", store.InvestMapFilter{}, append(append([]store.InvestMapCount{}, all[:6]...), all[7])},
			{"zone with sub-park", store.InvestMapFilter{Zone: "620171"}, all[:1]},
			{"zone and stage", store.InvestMapFilter{Zone: "GLGY", Stage: invest.StageSigned}, all[4:5]},
			{"prefecture", store.InvestMapFilter{Prefecture: "620700", TalksCounty: "620702"}, all[6:]},
			// A chain predicate on industry: both C26 projects (1 + 2亿元) in one row, C2661 alone the 1亿元.
			{"chain C26", store.InvestMapFilter{On: func(ind, _ string) bool { return strings.HasPrefix(ind, "C26") }}, all[:1]},
			{"node C2661", store.InvestMapFilter{On: func(ind, _ string) bool { return ind == "C2661" }},
				[]store.InvestMapCount{c("620123", "620171", invest.StageSigned, 1, 1*yi)}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got, err := db.InvestMapCounts(ctx, tc.f)
				if err != nil {
					t.Fatal(err)
				}
				if d := cmp.Diff(tc.want, got); d != "" {
					t.Error(d)
				}
			})
		}
	})
}
