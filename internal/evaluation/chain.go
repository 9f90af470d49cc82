package evaluation

import (
	"context"
	"strings"

	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
)

// isChainCode reports whether an indicator code names a chain metric
// (chain.IndicatorPrefix).
func isChainCode(code string) bool {
	_, ok, _ := chain.ParseIndicator(code)
	return ok
}

// chainValues fills the columns of the chain-metric indicators among codes
// for the units of d over the period's year: projects signed on the unit's
// key chains, from the ledger as of revision rev (the run's), and weak
// links filled, from the signed targets. A unit without any has 0. The
// chains and targets are read as they stand (they have no revisions).
func chainValues(ctx context.Context, db *store.DB, p store.Period, rev int64, codes []string, d *method.Data) error {
	var signed, filled map[string]int
	for _, code := range codes {
		metric, ok, err := chain.ParseIndicator(code)
		if !ok {
			continue
		}
		if err != nil {
			return err
		}
		var values map[string]int
		switch metric {
		case chain.MetricSignedProjects:
			if signed == nil {
				if signed, err = chainSigned(ctx, db, rev, p.Year); err != nil {
					return err
				}
			}
			values = signed
		case chain.MetricWeakFilled:
			if filled == nil {
				ts, err := db.ChainSignedTargets(ctx)
				if err != nil {
					return err
				}
				filled = chain.WeakFilled(ts, p.Year)
			}
			values = filled
		}
		col := d.Values[code]
		for i, u := range d.Units {
			col[i] = float64(values[u.Code])
		}
	}
	return nil
}

// chainSigned counts the projects signed in year on each unit's key chains
// in the ledger as of rev.
func chainSigned(ctx context.Context, db *store.DB, rev int64, year int) (map[string]int, error) {
	ks, err := db.ChainKeyed(ctx)
	if err != nil {
		return nil, err
	}
	var ledger = db.InvestLedger
	if rev > 0 {
		ledger = func(ctx context.Context) (*invest.Ledger, error) { return db.InvestLedgerAsOf(ctx, rev) }
	}
	l, err := ledger(ctx)
	if err != nil {
		return nil, err
	}
	ps := make([]chain.Signed, len(l.Projects))
	for i := range l.Projects {
		q := &l.Projects[i]
		ps[i] = chain.Signed{Project: chain.Project{ID: q.ID, County: q.County, Industry: q.Industry}, Zone: q.Zone,
			Day: q.Signed, Increase: q.IsIncrease(), Relocation: q.Relocation}
		ps[i].Chain, ps[i].Node, _ = strings.Cut(q.ChainNode, "/")
	}
	return chain.SignedProjects(ks, ps, year), nil
}
