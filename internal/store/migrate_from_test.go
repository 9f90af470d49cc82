package store_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// migratedFrom tests a migration on every database: a fresh store at
// schema version, the rows of that schema written by the SQL statements
// rows, then the migrations to the latest version, then check.
func migratedFrom(t *testing.T, version int, rows []string, check func(t *testing.T, db *store.DB)) {
	t.Helper()
	open := map[string]func() string{"sqlite": func() string { return filepath.Join(t.TempDir(), "m.db") }}
	if dsn := os.Getenv("TEST_POSTGRES_DSN"); dsn != "" {
		open["postgres"] = func() string { return storetest.FreshSchema(t, dsn) }
	}
	for name, dsn := range open {
		t.Run(name, func(t *testing.T) {
			db, err := store.Open(ctx, dsn())
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := db.MigrateToForTest(ctx, version); err != nil {
				t.Fatal(err)
			}
			for _, q := range rows {
				if err := db.ExecForTest(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			if err := db.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			check(t, db)
		})
	}
}
