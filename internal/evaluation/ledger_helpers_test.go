package evaluation_test

import (
	"testing"

	"github.com/qiangxian/qiangxian/internal/evaluation"
	"github.com/qiangxian/qiangxian/internal/store"
)

// ledgerMethodRun loads the demo runs, adds the method toml (an evaluation
// of ledger or chain indicators) as name, gives three counties a 2023 gdp
// and computes a 2023 run of it, returning the method, the run and the
// counties.
func ledgerMethodRun(t *testing.T, db *store.DB, name, toml string) (store.Method, store.Run, []string) {
	t.Helper()
	demoRuns(t, db)
	m, err := db.AddMethod(ctx, alice, name, "1", toml)
	if err != nil {
		t.Fatal(err)
	}
	units := []string{"620102", "620121", "620622"}
	var obs []store.Observation
	for _, u := range units {
		obs = append(obs, store.Observation{Unit: u, Indicator: "gdp", Period: "2023", Value: 100})
	}
	if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, obs); err != nil {
		t.Fatal(err)
	}
	run, err := evaluation.Compute(ctx, db, alice, evaluation.ComputeRequest{MethodID: m.ID, Period: "2023"})
	if err != nil {
		t.Fatal(err)
	}
	return m, run, units
}

// runInputs returns the input values run id read, by indicator.
func runInputs(t *testing.T, db *store.DB, id int64) map[string][]float64 {
	t.Helper()
	ri, err := evaluation.LoadRun(ctx, db, id)
	if err != nil {
		t.Fatal(err)
	}
	return ri.Input.Data.Values
}
