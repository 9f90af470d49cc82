package storetest

import (
	"context"
	"database/sql"
	"os"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

// StoreLedger imports l into db as a, as two revisions: the projects
// (source projects.csv), then the funds (source funds.csv).
func StoreLedger(tb testing.TB, db *store.DB, a store.Actor, l *invest.Ledger) {
	tb.Helper()
	ctx := context.Background()
	if _, err := db.ImportInvestProjects(ctx, a, store.RevisionNote{Source: "projects.csv"}, l.Projects); err != nil {
		tb.Fatal(err)
	}
	fs := make([]store.InvestFunds, len(l.Funds))
	for i, f := range l.Funds {
		fs[i] = store.InvestFunds{ProjectID: l.Projects[f.Project].ID, Funds: f}
	}
	if _, err := db.ImportInvestFunds(ctx, a, store.RevisionNote{Source: "funds.csv"}, fs); err != nil {
		tb.Fatal(err)
	}
}

// OpenVacuumed returns an opener of a fresh, migrated PostgreSQL store
// (see MustOpenPostgres: without TEST_POSTGRES_DSN it skips) holding l,
// imported as a with StoreLedger, then vacuumed and analysed, as
// autovacuum does within a minute of a large import. It logs the import's
// seconds.
func OpenVacuumed(a store.Actor, l *invest.Ledger) func(testing.TB) *store.DB {
	return func(tb testing.TB) *store.DB {
		tb.Helper()
		url := os.Getenv("TEST_POSTGRES_DSN")
		if url == "" {
			return MustOpenPostgres(tb) // skips, or fails under QX_REQUIRE_POSTGRES
		}
		dsn := FreshSchema(tb, url)
		db := mustOpen(tb, dsn)
		start := time.Now()
		StoreLedger(tb, db, a, l)
		tb.Logf("import of %d projects and %d funds rows: %.1f s", len(l.Projects), len(l.Funds), time.Since(start).Seconds())
		raw, err := sql.Open("pgx", dsn)
		if err != nil {
			tb.Fatal(err)
		}
		defer raw.Close()
		if _, err := raw.Exec(`VACUUM ANALYZE`); err != nil {
			tb.Fatal(err)
		}
		return db
	}
}
