package evaluation

import (
	"context"
	"math"
	"slices"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
)

// isInvestCode reports whether an indicator code names a metric of the
// investment ledger (invest.IndicatorPrefix).
func isInvestCode(code string) bool {
	_, ok, _ := invest.ParseMetricIndicator(code)
	return ok
}

// zeroWhenAbsent are the metrics a place without any project has as 0;
// the others (growth, rates) are undefined there.
var zeroWhenAbsent = []string{"signed_count", "signed_amount", "funds", "funds_outside_province", "funds_abroad",
	"funds_intra_prefecture", "funds_prev", "overdue", "excluded_funds"}

// investValues fills the columns of the ledger-metric indicators among
// codes (invest.<column>[.minN]) for the units of d: the metric of each
// county (or zone) over the period's year — January to December, or to
// the period's month — computed by the counting rules from the ledger as
// of revision rev, the run's revision, so that a run's provenance covers
// the ledger and a recompute reads the same.
func investValues(ctx context.Context, db *store.DB, p store.Period, rev int64, codes []string, d *method.Data) error {
	var l *invest.Ledger
	for _, code := range codes {
		mi, ok, err := invest.ParseMetricIndicator(code)
		if !ok {
			continue
		}
		if err != nil {
			return err
		}
		if l == nil {
			if l, err = db.InvestLedgerAsOf(ctx, rev); err != nil {
				return err
			}
		}
		to := invest.Month(p.Year*100 + 12)
		if p.Month > 0 {
			to = invest.Month(p.Year*100 + p.Month)
		}
		fl := mi.Filter(l)
		values := map[string]float64{}
		for _, lv := range []invest.Level{invest.LevelCounty, invest.LevelZone} {
			rows := invest.Compute(fl, invest.Options{Level: lv, Scope: invest.ScopePrefecture, From: invest.Month(p.Year*100 + 1),
				To: to, OverdueMonths: invest.DefaultOverdueMonths})
			for i := range rows {
				values[rows[i].Unit] = mi.Value(&rows[i])
			}
		}
		col := d.Values[code]
		for i, u := range d.Units {
			v, ok := values[u.Code]
			switch {
			case ok:
				col[i] = v
			case slices.Contains(zeroWhenAbsent, mi.Column):
				col[i] = 0
			default:
				col[i] = math.NaN()
			}
		}
	}
	return nil
}
