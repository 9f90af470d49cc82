package evaluation_test

import (
	"testing"

	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/evaluation"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

const chainMethod = `[[type]]
name = "全省"
[[node]]
code = "total"
[[indicator]]
code = "gdp"
parent = "total"
weight = 1
[[indicator]]
code = "chain.signed_projects"
parent = "total"
weight = 1
[[indicator]]
code = "chain.weak_filled"
parent = "total"
weight = 1
`

// TestChainIndicators: a new chain whose key places are 城关区 and 永登县
// gets a project signed in 城关区 in 2023 and a target signed in 永登县;
// a new run counts one more of each there and nothing more elsewhere, and
// the first run's signed projects, read as of its revision, do not change.
func TestChainIndicators(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		m, run, units := ledgerMethodRun(t, db, "链指标", chainMethod)
		inputs := func(id int64) map[string][]float64 { return runInputs(t, db, id) }
		before := inputs(run.ID)

		id, err := db.SaveChain(ctx, alice, store.Chain{Code: "TST", Name: "测试链", Places: []string{"620102", "620121"},
			Rules: chain.DefaultRules, Nodes: []chain.Node{{Code: "N1", Name: "节点", Segment: chain.Midstream, Industries: []string{"C39"}}}})
		if err != nil {
			t.Fatal(err)
		}
		p := invest.Project{ID: "NEW-2023", Name: "新项目", County: "620102", Signed: 20230901, Industry: "C3911"}
		if _, err := db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "new.csv"}, []invest.Project{p}); err != nil {
			t.Fatal(err)
		}
		tg, err := db.AddChainTarget(ctx, alice, store.ChainTarget{ChainID: id, Node: "N1", County: "620121", Name: "示例目标"}, 20230101, "")
		if err != nil {
			t.Fatal(err)
		}
		// Signed in 永登县: a project there too, on the chain by its node.
		if err := db.MoveChainTarget(ctx, alice, tg.ID, chain.StatusSigned, 20230505, "", "",
			&store.Signing{ProjectID: "CT-2023", Name: "目标项目"}); err != nil {
			t.Fatal(err)
		}
		again, err := evaluation.Compute(ctx, db, alice, evaluation.ComputeRequest{MethodID: m.ID, Period: "2023", ParentRunID: run.ID})
		if err != nil {
			t.Fatal(err)
		}
		now := inputs(again.ID)
		// 620102: +1 signed (NEW-2023); 620121: +1 signed (CT-2023), +1 filled; 620622 unchanged.
		wantDiff := map[string][]float64{"chain.signed_projects": {1, 1, 0}, "chain.weak_filled": {0, 1, 0}}
		for code, diffs := range wantDiff {
			for i, u := range units {
				if got := now[code][i] - before[code][i]; got != diffs[i] {
					t.Errorf("%s of %s rose by %v, want %v", code, u, got, diffs[i])
				}
			}
		}
		if again := inputs(run.ID); again["chain.signed_projects"][0] != before["chain.signed_projects"][0] {
			t.Errorf("the first run's inputs changed")
		}
	})
}
