package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

var (
	ctx   = context.Background()
	alice = store.Actor{Username: "alice"}
)

func TestMigrateTwice(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		if err := db.Migrate(ctx); err != nil {
			t.Fatalf("second Migrate: %v", err)
		}
		v, err := db.SchemaVersion(ctx)
		if err != nil || v != store.LatestSchemaVersion() || v < 1 {
			t.Errorf("SchemaVersion = %d, %v; want %d", v, err, store.LatestSchemaVersion())
		}
	})
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(ctx, filepath.Join(dir, "a", "b", "q.db"))
	if err != nil {
		t.Fatalf("Open creates the folder: %v", err)
	}
	if db.Dialect() != store.SQLite {
		t.Errorf("dialect %s", db.Dialect())
	}
	db.Close()
	for _, bad := range []string{"", ":memory:", filepath.Join(dir, "x?mode=ro")} {
		if _, err := store.Open(ctx, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("Open(%q) = %v, want ErrInvalid", bad, err)
		}
	}
	if !store.IsPostgres("postgresql://u@h/db") || store.IsPostgres("/var/lib/postgres.db") {
		t.Error("IsPostgres misclassifies")
	}
}

// TestPlaceholders checks what the whole store relies on: one SQL text with
// $N placeholders, used out of order and more than once, binds the same on
// both drivers.
func TestPlaceholders(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		got, err := db.EchoForTest(ctx, `SELECT $2 || '-' || $1 || '-' || $2`, "a", "b")
		if err != nil || got != "b-a-b" {
			t.Errorf("got %q, %v; want b-a-b", got, err)
		}
	})
}
