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
