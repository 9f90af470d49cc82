package seed_test

import (
	"testing"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/table"
)

// TestLoadDemoInvest: the server's demo holds the demo ledger, whose
// stored metrics are the published provincial figures (examples/gansu/invest).
func TestLoadDemoInvest(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		if _, err := seed.LoadDemo(ctx, db, ""); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			o           invest.Options
			field, want string
		}{
			{invest.Options{From: 202001, To: 202012}, "signed_count", "1209"},
			{invest.Options{From: 202001, To: 202012}, "funds", "3001.07"},
			{invest.Options{From: 202301, To: 202312}, "signed_count", "3391"},
			{invest.Options{From: 202301, To: 202312}, "funds", "5961.26"},
			{invest.Options{From: 201306, To: 201508, Cohort: "第十九届兰洽会"}, "cohort_funds", "2794.49"},
			{invest.Options{From: 201306, To: 201508, Cohort: "第十九届兰洽会"}, "start_rate", table.FormatNumber(907.0 / 1093)},
		} {
			o := c.o
			o.Level, o.Scope, o.OverdueMonths = invest.LevelProvince, invest.ScopePrefecture, invest.DefaultOverdueMonths
			rows, err := db.InvestMetrics(ctx, o)
			if err != nil || len(rows) != 1 {
				t.Fatalf("%d rows, %v", len(rows), err)
			}
			cells := rows[0].Cells(false)
			for i, col := range invest.Columns {
				if col == c.field && cells[i] != c.want {
					t.Errorf("%v %s = %s, want %s", c.o, col, cells[i], c.want)
				}
			}
		}
	})
}
