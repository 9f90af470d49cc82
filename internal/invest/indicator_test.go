package invest

import (
	"math"
	"testing"
)

func TestMetricIndicator(t *testing.T) {
	for _, c := range []struct {
		code      string
		ok, isErr bool
		col       string
		min       Amount
	}{
		{"gdp", false, false, "", 0},
		{"invest.funds_outside_province", true, false, "funds_outside_province", 0},
		{"invest.signed_count.min5", true, false, "signed_count", 5 * AmountScale},
		{"invest.signed_count.min0.5", true, false, "signed_count", AmountScale / 2},
		{"invest.unit", true, true, "", 0},
		{"invest.nothing", true, true, "", 0},
		{"invest.funds.max5", true, true, "", 0},
		{"invest.funds.min-1", true, true, "", 0},
	} {
		mi, ok, err := ParseMetricIndicator(c.code)
		if ok != c.ok || (err != nil) != c.isErr || (!c.isErr && (mi.Column != c.col || mi.MinAmount != c.min)) {
			t.Errorf("%s: %+v ok=%v err=%v", c.code, mi, ok, err)
		}
	}
}

// TestMetricIndicatorFilter: signed_count of projects of at least 5 亿元
// in 古浪 620622 for 2024: S1 (10) and S3 (5) count, S2 (3) does not; the
// increase on S1 follows it; funds of S2 are dropped: funds 1 + 2 = 3.
func TestMetricIndicatorFilter(t *testing.T) {
	l := ledger([]Project{
		{ID: "S1", County: "620622", InvestorLoc: "310115", Signed: d("2024-03-01"), Amount: yi(10)},
		{ID: "S2", County: "620622", InvestorLoc: "310115", Signed: d("2024-04-01"), Amount: yi(3)},
		{ID: "S3", County: "620622", InvestorLoc: "310115", Signed: d("2024-05-01"), Amount: yi(5)},
		{ID: "S4", IncreaseOf: "S1", Signed: d("2024-06-01"), Amount: yi(1)},
	}, []fundsRow{
		{"S1", "2024-04", 1, "股东出资", "进账单", ""},
		{"S2", "2024-05", 4, "股东出资", "进账单", ""},
		{"S4", "2024-07", 2, "企业自有", "凭证", ""},
	})
	for _, c := range []struct {
		code string
		want float64
	}{
		{"invest.signed_count", 3},
		{"invest.signed_count.min5", 2},
		{"invest.funds.min5", 3},
		{"invest.funds", 7},
		{"invest.signed_amount.min5", 16}, // 10 + 5 + the increase's 1
	} {
		mi, _, err := ParseMetricIndicator(c.code)
		if err != nil {
			t.Fatal(err)
		}
		rows := Compute(mi.Filter(l), opts(LevelCounty, "2024-01", "2024-12"))
		if len(rows) != 1 || math.Abs(mi.Value(&rows[0])-c.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", c.code, mi.Value(&rows[0]), c.want)
		}
	}
}
