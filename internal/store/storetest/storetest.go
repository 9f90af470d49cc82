// Package storetest opens fresh, migrated stores for tests: a SQLite file in
// the test's temporary folder always, and a fresh schema of the PostgreSQL
// database named by TEST_POSTGRES_DSN when it is set. CI sets it (see
// scripts/pg-test.sh) together with QX_REQUIRE_POSTGRES=1, under which a
// missing DSN fails the test instead of skipping PostgreSQL.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
)

// MustOpen returns a fresh, migrated SQLite store in tb's temporary folder,
// closed when the test ends.
func MustOpen(tb testing.TB) *store.DB {
	tb.Helper()
	return mustOpen(tb, filepath.Join(tb.TempDir(), "data", "qiangxian.db"))
}

// MustOpenPostgres returns a fresh, migrated store in a new schema of the
// TEST_POSTGRES_DSN database, dropped when the test ends. Without the
// variable it skips tb, or fails it under QX_REQUIRE_POSTGRES=1.
func MustOpenPostgres(tb testing.TB) *store.DB {
	tb.Helper()
	dsn := os.Getenv("TEST_POSTGRES_DSN")
	if dsn == "" {
		if os.Getenv("QX_REQUIRE_POSTGRES") != "" {
			tb.Fatal("TEST_POSTGRES_DSN is not set but QX_REQUIRE_POSTGRES is: PostgreSQL tests cannot be skipped")
		}
		tb.Skip("TEST_POSTGRES_DSN is not set")
	}
	return mustOpen(tb, FreshSchema(tb, dsn))
}

// FreshSchema creates a schema with a random name in the database of dsn,
// drops it when tb ends, and returns a DSN whose search_path is that schema,
// so that every test gets an empty database of its own cheaply.
func FreshSchema(tb testing.TB, dsn string) string {
	tb.Helper()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "qx_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		admin.Close()
		tb.Fatalf("create test schema: %v", err)
	}
	tb.Cleanup(func() {
		if _, err := admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			tb.Errorf("drop test schema: %v", err)
		}
		admin.Close()
	})
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func mustOpen(tb testing.TB, dsn string) *store.DB {
	tb.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	return db
}

// ForEachDB runs fn as a subtest on a fresh SQLite store and, when
// PostgreSQL is configured (see MustOpenPostgres), on a fresh PostgreSQL
// store.
func ForEachDB(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, MustOpen(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, MustOpenPostgres(t)) })
}
