package store

import (
	"math"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// A funds import changes the ledger by rows the importer holds: the ledger
// after it is the ledger before (kept in memory or stored whole,
// invest_ledger_snapshot.go) less the funds rows of the (project, month)
// pairs it replaces, plus its rows, in the order the rows' read gives —
// funds rows by id, then the verifications' reductions — instead of a
// read of every row of the ledger.

// ledgerBefore returns the current ledger inside t before a change, and its
// effective revision, when it is kept in memory or stored whole; nil
// otherwise.
func (t *txn) ledgerBefore() (*invest.Ledger, int64, error) {
	eff, err := t.effectiveLedgerRevision(math.MaxInt64)
	if err != nil || eff == 0 {
		return nil, 0, err
	}
	if l := t.db.ledgers.get(eff); l != nil {
		return l, eff, nil
	}
	l, err := t.ledgerSnapshot(eff)
	return l, eff, err
}

// ledgerWithFunds returns the current ledger after the funds rows fs were
// recorded as revision rev, given before, the ledger as of eff before them;
// nil when another change of the ledger came in between (the caller reads
// the rows then).
func (t *txn) ledgerWithFunds(before *invest.Ledger, eff, rev int64, fs []InvestFunds) (*invest.Ledger, error) {
	now, err := t.effectiveLedgerRevision(rev - 1)
	if err != nil || now != eff {
		return nil, err
	}
	index := make(map[string]int, len(before.Projects))
	for i := range before.Projects {
		index[before.Projects[i].ID] = i
	}
	// The reductions come last in before; they are read again below.
	var reductions int
	rows, err := t.QueryContext(t.ctx, `SELECT project_id FROM invest_verifications`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		if _, ok := index[id]; ok {
			reductions++
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	if reductions > len(before.Funds) {
		return nil, nil
	}
	type key struct {
		project int
		month   invest.Month
	}
	replaced := make(map[key]bool, len(fs))
	added := make([]invest.Funds, len(fs))
	for i := range fs {
		p, ok := index[fs[i].ProjectID]
		if !ok {
			return nil, refuse(ErrInvalid, "store.invest.fundsUnknown", fs[i].ProjectID)
		}
		replaced[key{p, fs[i].Month}] = true
		added[i] = fs[i].Funds
		added[i].Project = p
	}
	kept := before.Funds[:len(before.Funds)-reductions]
	l := &invest.Ledger{Projects: before.Projects, Funds: make([]invest.Funds, 0, len(kept)+len(fs)+reductions)}
	for _, f := range kept {
		if !replaced[key{f.Project, f.Month}] {
			l.Funds = append(l.Funds, f)
		}
	}
	l.Funds = append(l.Funds, added...)
	return l, t.addVerifications(l, index, 0)
}
