package store

import (
	"database/sql"
	"sync"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// The ledger as of a revision is what an evaluation with investment
// indicators reads: with 100,000 projects and 1,000,000 funds rows, seconds
// of reading. The ledger only changes by revisions that insert its rows
// (imports, verifications, settlements; superseding happens in the same
// revisions), and what was recorded is never changed, so the ledger as of
// revision r is the ledger as of its effective revision — the latest
// revision up to r that changed it — and can be kept, keyed by that
// revision, as an immutable value. The store keeps the last one read or
// written by a change of the ledger: runs and recomputes of the same data,
// and their workers, share it. A process's first read of the latest one
// decodes the snapshot the change stored (invest_ledger_snapshot.go).

// ledgerCache is the last ledger read, with its effective revision.
type ledgerCache struct {
	mu  sync.Mutex
	rev int64
	l   *invest.Ledger
}

// get returns the ledger of effective revision rev, if it is the one kept,
// as a view whose appends cannot reach the kept slices.
func (c *ledgerCache) get(rev int64) *invest.Ledger {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.l == nil || c.rev != rev {
		return nil
	}
	return &invest.Ledger{Projects: c.l.Projects[:len(c.l.Projects):len(c.l.Projects)], Funds: c.l.Funds[:len(c.l.Funds):len(c.l.Funds)]}
}

// put keeps l as the ledger of effective revision rev.
func (c *ledgerCache) put(rev int64, l *invest.Ledger) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rev, c.l = rev, l
}

// effectiveLedgerRevision returns the latest revision up to rev that
// changed the ledger (0 when none did), each read through an index on
// revision_id.
func (t *txn) effectiveLedgerRevision(rev int64) (int64, error) {
	var eff sql.NullInt64
	err := t.QueryRow(`SELECT MAX(r) FROM (
		SELECT MAX(revision_id) AS r FROM invest_projects WHERE revision_id <= $1
		UNION ALL SELECT MAX(revision_id) FROM invest_funds WHERE revision_id <= $1
		UNION ALL SELECT MAX(revision_id) FROM invest_verifications WHERE revision_id <= $1
		UNION ALL SELECT MAX(revision_id) FROM invest_settlements WHERE revision_id <= $1) x`, rev).Scan(&eff)
	return eff.Int64, err
}
