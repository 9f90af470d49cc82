package store

import "context"

// EchoForTest runs a one-value query; TestPlaceholders uses it.
func (db *DB) EchoForTest(ctx context.Context, q string, args ...any) (s string, err error) {
	err = db.sql.QueryRowContext(ctx, q, args...).Scan(&s)
	return s, err
}
