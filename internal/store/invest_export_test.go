package store

import (
	"context"
	"database/sql"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// InvestLedgerRowsForTest reads the ledger as of rev (0: current) from its
// rows, past the kept ledger and the stored snapshot.
func (db *DB) InvestLedgerRowsForTest(ctx context.Context, rev int64) (*invest.Ledger, error) {
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return (&txn{Tx: tx, ctx: ctx, db: db}).investLedgerAsOf(rev)
}

// InvestLedgerSnapshotForTest returns the stored snapshot of rev, nil when
// none is stored.
func (db *DB) InvestLedgerSnapshotForTest(ctx context.Context, rev int64) (*invest.Ledger, error) {
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return (&txn{Tx: tx, ctx: ctx, db: db}).ledgerSnapshot(rev)
}

// ForgetKeptLedgerForTest empties the ledger kept in memory, as a new
// process starts.
func (db *DB) ForgetKeptLedgerForTest() { db.ledgers.put(0, nil) }

// SetSearchCandidatesForTest sets how many projects a search reads through
// the trigram index at most, and returns the value before.
func SetSearchCandidatesForTest(n int) int {
	before := searchCandidates
	searchCandidates = n
	return before
}

// InvestSearchGramsForTest returns the stored trigrams of a project, sorted,
// and those searchGrams gives of its current search text.
func (db *DB) InvestSearchGramsForTest(ctx context.Context, id string) (stored, computed []string, err error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT gram FROM invest_search_grams WHERE project_id = $1 ORDER BY gram`, id)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var g string
		if err := rows.Scan(&g); err != nil {
			return nil, nil, err
		}
		stored = append(stored, g)
	}
	var text string
	if err := db.sql.QueryRowContext(ctx, `SELECT search FROM invest_projects WHERE project_id = $1 AND superseded_by IS NULL`, id).Scan(&text); err != nil {
		return nil, nil, err
	}
	return stored, searchGrams(text), rows.Err()
}
