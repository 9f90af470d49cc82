package store

import "context"

// EchoForTest runs a one-value query; TestPlaceholders uses it.
func (db *DB) EchoForTest(ctx context.Context, q string, args ...any) (s string, err error) {
	err = db.sql.QueryRowContext(ctx, q, args...).Scan(&s)
	return s, err
}

// ExecForTest runs raw SQL, bypassing the store's methods: the tests use it
// to check that the triggers refuse what the methods already refuse.
func (db *DB) ExecForTest(ctx context.Context, q string, args ...any) error {
	_, err := db.sql.ExecContext(ctx, q, args...)
	return classify2(err)
}

func classify2(err error) error {
	if err == nil {
		return nil
	}
	return classify(err)
}

// DumpTableKindsForTest returns each backup table's column and kind counts.
func DumpTableKindsForTest() map[string][2]int {
	m := map[string][2]int{}
	for _, t := range dumpTables {
		m[t.name] = [2]int{len(splitColumns(t.cols)), len(t.kinds)}
	}
	return m
}
