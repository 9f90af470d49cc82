package store_test

import (
	"slices"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// TestCheckInputRollup: a county's upload brings its prefecture's and the
// province's counties and their stored figures; a rollup rule then finds
// 兰州市's reported GDP 10 % above its three counties' sum.
func TestCheckInputRollup(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, []store.Observation{
			obs("620100", "gdp", "2023", 330), obs("620121", "gdp", "2023", 100), obs("620122", "gdp", "2023", 100),
		}); err != nil {
			t.Fatal(err)
		}
		in, err := db.CheckInput(ctx, "2023", []workflow.Figure{{Unit: "620123", Indicator: "gdp", Value: 100}})
		if err != nil {
			t.Fatal(err)
		}
		kids := in.Children["620100"]
		slices.Sort(kids)
		all := in.Children["620000"]
		slices.Sort(all)
		if !slices.Equal(kids, []string{"620121", "620122", "620123"}) || !slices.Equal(all, []string{"620121", "620122", "620123", "620821"}) ||
			in.Stored[workflow.Key{Unit: "620100", Indicator: "gdp"}] != 330 {
			t.Fatalf("children %v, stored %v", in.Children, in.Stored)
		}
		// 330 against 100 + 100 + 100 = 300: 30/330 = 9.09 % > 1 %; the
		// province reports nothing and 泾川县 has no figure: not judged.
		fs := workflow.Evaluate([]workflow.Rule{{ID: 9, Name: "合计", Kind: workflow.KindRollup, Severity: workflow.Hard,
			Indicator: "gdp", Threshold: 0.01, Enabled: true}}, in)
		if len(fs) != 1 || fs[0].Unit != "620123" || fs[0].Value != 100 {
			t.Errorf("findings %+v", fs)
		}
	})
}
