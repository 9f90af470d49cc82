package evaluation_test

import (
	"math"
	"testing"

	"github.com/qiangxian/qiangxian/internal/demo/ledger"
	"github.com/qiangxian/qiangxian/internal/evaluation"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// investMethod scores gdp and two metrics of the investment ledger: the
// funds in place from outside the prefecture, and the projects signed of
// at least 5 亿元.
const investMethod = `[[type]]
name = "全省"
[[node]]
code = "total"
[[indicator]]
code = "gdp"
parent = "total"
weight = 1
[[indicator]]
code = "invest.funds"
parent = "total"
weight = 1
[[indicator]]
code = "invest.signed_count.min5"
parent = "total"
weight = 1
`

// TestInvestIndicators: a 2023 run reads the metrics of the demo ledger
// (the server's demo) as invest.Compute does on the generated ledger; a
// project added later changes a new run but not the first run's inputs,
// which are read as of its revision.
func TestInvestIndicators(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		m, run, units := ledgerMethodRun(t, db, "招商指标", investMethod)
		// What the command line computes from the shipped files.
		o := invest.Options{Level: invest.LevelCounty, Scope: invest.ScopePrefecture, From: 202301, To: 202312,
			OverdueMonths: invest.DefaultOverdueMonths}
		want := map[string]map[string]float64{"invest.funds": {}, "invest.signed_count.min5": {}}
		for code := range want {
			mi, _, _ := invest.ParseMetricIndicator(code)
			rows := invest.Compute(mi.Filter(&ledger.Generate().Ledger), o)
			for i := range rows {
				want[code][rows[i].Unit] = mi.Value(&rows[i])
			}
		}
		inputs := func(id int64) map[string][]float64 {
			ri, err := evaluation.LoadRun(ctx, db, id)
			if err != nil {
				t.Fatal(err)
			}
			if len(ri.Input.Data.Units) != len(units) {
				t.Fatalf("units %+v", ri.Input.Data.Units)
			}
			return ri.Input.Data.Values
		}
		got := inputs(run.ID)
		for code, byUnit := range want {
			for i, u := range units {
				if got[code][i] != byUnit[u] || byUnit[u] == 0 {
					t.Errorf("%s of %s = %v, want %v (not 0)", code, u, got[code][i], byUnit[u])
				}
			}
		}
		// A 6 亿元 project signed in 城关区 in 2023 with 2 亿元 in place.
		p := invest.Project{ID: "NEW-2023", Name: "新项目", County: "620102", InvestorLoc: "310115", Signed: 20230901, Amount: 6 * invest.AmountScale}
		if _, err := db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "new.csv"}, []invest.Project{p}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ImportInvestFunds(ctx, alice, store.RevisionNote{Source: "new.csv"}, []store.InvestFunds{{ProjectID: "NEW-2023",
			Funds: invest.Funds{Month: 202310, Amount: 2 * invest.AmountScale, Source: invest.SourceShareholder, Evidence: true}}}); err != nil {
			t.Fatal(err)
		}
		again, err := evaluation.Compute(ctx, db, alice, evaluation.ComputeRequest{MethodID: m.ID, Period: "2023", ParentRunID: run.ID})
		if err != nil {
			t.Fatal(err)
		}
		now, before := inputs(again.ID), inputs(run.ID)
		if math.Abs(now["invest.funds"][0]-(want["invest.funds"]["620102"]+2)) > 1e-9 ||
			now["invest.signed_count.min5"][0] != want["invest.signed_count.min5"]["620102"]+1 {
			t.Errorf("the new run: funds %v, signed ≥ 5 %v", now["invest.funds"][0], now["invest.signed_count.min5"][0])
		}
		if before["invest.funds"][0] != want["invest.funds"]["620102"] {
			t.Errorf("the first run's inputs changed: %v", before["invest.funds"][0])
		}
		if _, err := evaluation.Recompute(ctx, db, run.ID); err != nil {
			t.Errorf("recompute: %v", err)
		}
	})
}
