package store_test

import (
	"errors"
	"testing"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/table"
)

// TestInvestVerification: V1 in 古浪 from 上海 counts 4 亿元 in June 2023
// and 5 in June 2024: the province's 2024 growth is 5 / 4 − 1 = 0.25.
// Verification reduces June 2023 by 1: the base becomes 3 and the growth
// 5 / 3 − 1; a later import of June 2023 does not undo the reduction; the
// ledger as of the revision before it does not have it.
func TestInvestVerification(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		p := invest.Project{ID: "V1", Name: "核实项目", County: "620622", InvestorLoc: "310115", Signed: 20230301, Amount: 20 * invest.AmountScale}
		row := func(month invest.Month, yi int64) invest.Funds {
			return invest.Funds{Month: month, Amount: invest.Amount(yi) * invest.AmountScale, Source: invest.SourceShareholder, Evidence: true}
		}
		storetest.StoreLedger(t, db, alice, &invest.Ledger{Projects: []invest.Project{p}, Funds: []invest.Funds{row(202306, 4), row(202406, 5)}})
		yoy := func() (string, string) {
			t.Helper()
			rows, err := db.InvestMetrics(ctx, invest.Options{Level: invest.LevelProvince, Scope: invest.ScopePrefecture,
				From: 202401, To: 202412, OverdueMonths: 6})
			if err != nil || len(rows) != 1 {
				t.Fatalf("%v %v", rows, err)
			}
			return table.FormatNumber(rows[0].FundsPrev), table.FormatNumber(rows[0].YoY)
		}
		if prev, g := yoy(); prev != "4" || g != "0.25" {
			t.Errorf("before: prev %s yoy %s", prev, g)
		}
		before, err := db.LatestRevision(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name      string
			id        string
			reduction int64
			reason    string
			want      error
		}{
			{"more than the month counts", "V1", 5, "虚报", store.ErrInvalid},
			{"no reason", "V1", 1, "", store.ErrInvalid},
			{"unknown project", "NONE", 1, "虚报", store.ErrNotFound},
		} {
			if _, err := db.RecordInvestVerification(ctx, alice, c.id, 202306, invest.Amount(c.reduction)*invest.AmountScale, c.reason); !errors.Is(err, c.want) {
				t.Errorf("%s: %v, want %v", c.name, err, c.want)
			}
		}
		v, err := db.RecordInvestVerification(ctx, alice, "V1", 202306, invest.AmountScale, "抽查：1 亿元无银行进账单")
		if err != nil {
			t.Fatal(err)
		}
		if prev, g := yoy(); prev != "3" || g != table.FormatNumber(5.0/3-1) {
			t.Errorf("after: prev %s yoy %s", prev, g)
		}
		// A later import of June 2023 replaces its rows, not the reduction.
		if _, err := db.ImportInvestFunds(ctx, alice, store.RevisionNote{Source: "again.csv"}, []store.InvestFunds{{ProjectID: "V1", Funds: row(202306, 4)}}); err != nil {
			t.Fatal(err)
		}
		if prev, _ := yoy(); prev != "3" {
			t.Errorf("after a re-import: prev %s", prev)
		}
		// As of the revision before the verification: 4 in June 2023.
		l, err := db.InvestLedgerAsOf(ctx, before)
		if err != nil {
			t.Fatal(err)
		}
		var june invest.Amount
		for _, f := range l.Funds {
			if f.Month == 202306 {
				june += f.Amount
			}
		}
		if june != 4*invest.AmountScale {
			t.Errorf("June 2023 as of revision %d: %v", before, june.Yi())
		}
		if vs, err := db.InvestVerifications(ctx, "V1"); err != nil || len(vs) != 1 || vs[0].ID != v.ID || vs[0].Reduction != invest.AmountScale {
			t.Errorf("verifications %+v %v", vs, err)
		}
	})
}
