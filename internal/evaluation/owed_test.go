package evaluation_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/evaluation"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// owedMethod scores gdp and gdp_growth, both supplied by the statistics
// bureau (reported_by defaults to department, missing to owed).
const owedMethod = `[[type]]
name = "全省"
[[node]]
code = "total"
[[indicator]]
code = "gdp"
department = "统计局"
parent = "total"
weight = 1
[indicator.score]
rule = "efficacy"
satisfactory = 1000
unacceptable = 0
[[indicator]]
code = "gdp_growth"
department = "统计局"
parent = "total"
weight = 1
[indicator.score]
rule = "efficacy"
satisfactory = 10
unacceptable = 0
`

// TestOwedFigures: in 2023 the bureau has sent gdp for 620102, 620121 and
// 620123 but gdp_growth only for the first two, so the run owes
// 620123's gdp_growth and cannot go to public notice; once the bureau
// supplies it, the re-run owes nothing and can.
func TestOwedFigures(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		demoRuns(t, db)
		m, err := db.AddMethod(ctx, alice, "欠报测试", "2023.1", owedMethod)
		if err != nil {
			t.Fatal(err)
		}
		var obs []store.Observation
		for _, u := range []string{"620102", "620121", "620123"} {
			obs = append(obs, store.Observation{Unit: u, Indicator: "gdp", Period: "2023", Value: 500})
		}
		for _, u := range []string{"620102", "620121"} {
			obs = append(obs, store.Observation{Unit: u, Indicator: "gdp_growth", Period: "2023", Value: 5})
		}
		if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, obs); err != nil {
			t.Fatal(err)
		}
		run, err := evaluation.Compute(ctx, db, alice, evaluation.ComputeRequest{MethodID: m.ID, Period: "2023"})
		if err != nil {
			t.Fatal(err)
		}
		owed, err := db.OwedFigures(ctx, run.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff([]store.OwedFigure{{Unit: "620123", Indicator: "gdp_growth", Department: "统计局"}}, owed); d != "" {
			t.Errorf("owed figures (-want +got)\n%s", d)
		}
		if _, err := db.Transition(ctx, alice, run.ID, auth.StateReview, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Transition(ctx, alice, run.ID, auth.StateNotice, ""); !errors.Is(err, store.ErrConflict) {
			t.Errorf("notice with an owed figure: %v, want ErrConflict", err)
		}

		if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, []store.Observation{
			{Unit: "620123", Indicator: "gdp_growth", Period: "2023", Value: 7}}); err != nil {
			t.Fatal(err)
		}
		again, err := evaluation.Compute(ctx, db, alice, evaluation.ComputeRequest{MethodID: m.ID, Period: "2023", ParentRunID: run.ID})
		if err != nil {
			t.Fatal(err)
		}
		if owed, err := db.OwedFigures(ctx, again.ID); err != nil || len(owed) != 0 {
			t.Errorf("re-run owes %v (%v), want nothing", owed, err)
		}
		if _, err := db.Transition(ctx, alice, again.ID, auth.StateReview, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Transition(ctx, alice, again.ID, auth.StateNotice, ""); err != nil {
			t.Errorf("notice of the re-run: %v", err)
		}
	})
}
