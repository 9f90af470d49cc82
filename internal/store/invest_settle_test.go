package store_test

import (
	"errors"
	"testing"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestInvestSettlement: 永登县 (620121) and 泾川县 (620821) both report the
// aluminium project of one Shanghai investor; 皋兰县's (620122) cold-chain
// project is reported again by 榆中县 (620123) under its 项目编号. The
// province settles both: each project counts once, at its location, and
// the other county is recorded as the referrer.
func TestInvestSettlement(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		const code = "91310000MA1FL0001R"
		yi := invest.Amount(100_000_000) // 1 亿元 in 元
		ps := []invest.Project{
			{ID: "A-2023-001", Name: "年产10万吨铝材加工项目（示例）", County: "620121", Investor: "示例铝业", InvestorCode: code,
				InvestorLoc: "310000", Signed: 20230315, Amount: 5 * yi},
			{ID: "B-2023-007", Name: "10万吨铝材加工基地（示例）", County: "620821", Investor: "示例铝业", InvestorCode: code,
				InvestorLoc: "310000", Signed: 20230320, Amount: 5 * yi},
			{ID: "C-2023-002", Name: "冷链物流园（示例）", County: "620122", Investor: "示例物流", InvestorCode: "91440300MA5G00002X",
				InvestorLoc: "440300", Signed: 20230401, Amount: 2 * yi},
		}
		if _, err := db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "projects.csv"}, ps); err != nil {
			t.Fatal(err)
		}
		fund := func(id string, month invest.Month, a invest.Amount) store.InvestFunds {
			return store.InvestFunds{ProjectID: id, Funds: invest.Funds{Month: month, Amount: a, Source: invest.SourceShareholder, Evidence: true}}
		}
		if _, err := db.ImportInvestFunds(ctx, alice, store.RevisionNote{Source: "funds.csv"}, []store.InvestFunds{
			fund("A-2023-001", 202305, yi), fund("B-2023-007", 202305, yi), fund("C-2023-002", 202306, yi/2)}); err != nil {
			t.Fatal(err)
		}
		// 榆中县 reports C-2023-002 as its own: the new version moves it.
		moved := ps[2]
		moved.County = "620123"
		if _, err := db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "榆中县 2023-06"}, []invest.Project{moved}); err != nil {
			t.Fatal(err)
		}

		type got struct{ signed, funds float64 }
		metrics := func() map[string]got {
			t.Helper()
			rows, err := db.InvestMetrics(ctx, invest.Options{Level: invest.LevelCounty, Scope: invest.ScopeCounty, From: 202301, To: 202312,
				OverdueMonths: invest.DefaultOverdueMonths})
			if err != nil {
				t.Fatal(err)
			}
			m := map[string]got{}
			for _, r := range rows {
				m[r.Unit] = got{r.SignedCount, r.Funds}
			}
			return m
		}
		// Before: the aluminium project counts twice (two signings of 5亿,
		// two 1亿 in place); the cold-chain project at 榆中县.
		before := metrics()
		if before["620121"] != (got{1, 1}) || before["620821"] != (got{1, 1}) || before["620123"] != (got{1, 0.5}) || before["620122"].signed != 0 {
			t.Fatalf("metrics before = %+v", before)
		}

		ds, err := db.InvestLedgerDuplicates(ctx)
		if err != nil || len(ds) != 2 || ds[0].Existing != "A-2023-001" || ds[0].Incoming != "B-2023-007" ||
			ds[0].IncomingProject.County != "620821" || !ds[1].SameID || ds[1].Incoming != "C-2023-002" ||
			ds[1].ExistingProject.County != "620123" || ds[1].Previous != "620122" {
			t.Fatalf("duplicates = %+v, %v", ds, err)
		}

		for _, c := range []struct {
			name string
			s    invest.Settlement
			want error
		}{
			{"the kept project lies in 永登县, not 泾川县", invest.Settlement{Kept: "A-2023-001", Duplicate: "B-2023-007", Location: "620821", Referrer: "620121", Reason: "x"}, store.ErrInvalid},
			{"no reason", invest.Settlement{Kept: "A-2023-001", Duplicate: "B-2023-007", Location: "620121", Referrer: "620821"}, store.ErrInvalid},
			{"an unknown project", invest.Settlement{Kept: "A-2023-001", Duplicate: "Z-1", Location: "620121", Referrer: "620821", Reason: "x"}, store.ErrNotFound},
		} {
			t.Run(c.name, func(t *testing.T) {
				if _, err := db.SettleInvestDuplicate(ctx, alice, c.s); !errors.Is(err, c.want) {
					t.Errorf("settle: %v, want %v", err, c.want)
				}
			})
		}
		alu, err := db.SettleInvestDuplicate(ctx, alice, invest.Settlement{Kept: "A-2023-001", Duplicate: "B-2023-007",
			Location: "620121", Referrer: "620821", Reason: "同一投资方同一项目，项目落地永登县，泾川县为引荐方"})
		if err != nil || alu.Revision == 0 || alu.ID == 0 {
			t.Fatalf("settle the aluminium project: %+v, %v", alu, err)
		}
		cold, err := db.SettleInvestDuplicate(ctx, alice, invest.Settlement{Kept: "C-2023-002", Duplicate: "C-2023-002",
			Location: "620122", Referrer: "620123", Reason: "项目位于皋兰县"})
		if err != nil || cold.Revision == 0 {
			t.Fatalf("settle the cold-chain project: %+v, %v", cold, err)
		}
		// After: the aluminium project once, at 永登县 (1 signed, 1亿);
		// 泾川县's report has left the ledger (0, 0); the cold-chain project
		// at 皋兰县 with its 0.5亿, 榆中县 none.
		after := metrics()
		for _, c := range []struct {
			unit string
			want got
		}{{"620121", got{1, 1}}, {"620821", got{0, 0}}, {"620122", got{1, 0.5}}, {"620123", got{0, 0}}} {
			if after[c.unit] != c.want {
				t.Errorf("metrics of %s after = %+v, want %+v", c.unit, after[c.unit], c.want)
			}
		}
		p, funds, err := db.InvestProject(ctx, "C-2023-002")
		if err != nil || p.County != "620122" || len(funds) != 1 {
			t.Errorf("cold-chain project after = %+v %v, %v", p, funds, err)
		}
		if _, _, err := db.InvestProject(ctx, "B-2023-007"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the settled duplicate is still current: %v", err)
		}
		// Its history stays: the ledger as of before the settlement holds it.
		old, err := db.InvestLedgerAsOf(ctx, alu.Revision-1)
		if err != nil || len(old.Projects) != 3 || len(old.Funds) != 3 {
			t.Errorf("ledger before the settlement: %d projects, %d funds, %v", len(old.Projects), len(old.Funds), err)
		}
		ds, err = db.InvestLedgerDuplicates(ctx)
		if err != nil || len(ds) != 0 {
			t.Errorf("duplicates after settling = %+v, %v", ds, err)
		}
		// Referrer credit: 泾川县 and 榆中县 each once, as referrer.
		for county, want := range map[string]string{"620821": "A-2023-001", "620123": "C-2023-002"} {
			ss, err := db.InvestSettlements(ctx, county)
			if err != nil || len(ss) != 1 || ss[0].Referrer != county || ss[0].Kept != want || ss[0].By != "alice" {
				t.Errorf("settlements of %s = %+v, %v", county, ss, err)
			}
		}
		log, err := db.AuditLog(ctx, store.AuditFilter{Entity: "invest_project"})
		settles := 0
		for _, e := range log {
			if e.Action == "settle" {
				settles++
			}
		}
		if err != nil || settles != 2 {
			t.Errorf("%d settle audit rows, want 2 (%v)", settles, err)
		}
	})
}
