package store_test

import (
	"testing"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/invest/investtest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestInvestLedgerAsOfKept: the ledger read as of a revision is the one of
// its effective revision (the latest that changed the ledger), kept
// between reads: revision 1 holds browseLedger's 3 projects, 2 its 5 funds
// rows, 3 a sixth row, 4 only figures. As of 4 is as of 3 (the same rows,
// shared), as of 2 and 1 are read again, and a caller's append does not
// reach the kept ledger.
func TestInvestLedgerAsOfKept(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		storetest.StoreLedger(t, db, alice, browseLedger()) // revisions after seed's: projects, then funds
		rFunds, err := db.LatestRevision(ctx)
		if err != nil {
			t.Fatal(err)
		}
		more, err := db.ImportInvestFunds(ctx, alice, store.RevisionNote{Source: "more"}, []store.InvestFunds{{ProjectID: "B3",
			Funds: invest.Funds{Month: 202310, Amount: 100_000_000, Source: invest.SourceOwn, Evidence: true}}})
		if err != nil {
			t.Fatal(err)
		}
		figures, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, []store.Observation{obs("620121", "gdp", "2023", 1)})
		if err != nil {
			t.Fatal(err)
		}
		read := func(rev int64) *invest.Ledger {
			t.Helper()
			l, err := db.InvestLedgerAsOf(ctx, rev)
			if err != nil {
				t.Fatal(err)
			}
			return l
		}
		for _, c := range []struct {
			name            string
			rev             int64
			projects, funds int
		}{
			{"the sixth row", more.ID, 3, 6},
			{"figures change nothing", figures.ID, 3, 6},
			{"before the sixth row", rFunds, 3, 5},
			{"projects alone", rFunds - 1, 3, 0},
			{"the sixth row again", more.ID, 3, 6},
		} {
			t.Run(c.name, func(t *testing.T) {
				l := read(c.rev)
				if len(l.Projects) != c.projects || len(l.Funds) != c.funds {
					t.Errorf("as of %d: %d projects, %d funds rows; want %d, %d", c.rev, len(l.Projects), len(l.Funds), c.projects, c.funds)
				}
			})
		}
		a, b := read(more.ID), read(figures.ID)
		if &a.Funds[0] != &b.Funds[0] {
			t.Error("the ledger of one effective revision was read twice")
		}
		a.Funds = append(a.Funds, invest.Funds{Project: 0, Month: 202401, Amount: 1})
		if n := len(read(more.ID).Funds); n != 6 {
			t.Errorf("a caller's append reached the kept ledger: %d rows", n)
		}
	})
}

// TestInvestProjectFundsLargeImport: an import of more than 10,000 funds
// rows recomputes every project's funds in one pass; each project's counted
// and total funds on the ledger page are the sums of its rows as the
// counting rule reads them (invest.Funds.Counted).
func TestInvestProjectFundsLargeImport(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		l := investtest.BigLedger(1500) // 15,000 funds rows
		storetest.StoreLedger(t, db, alice, l)
		counted, all := map[string]invest.Amount{}, map[string]invest.Amount{}
		for _, f := range l.Funds {
			id := l.Projects[f.Project].ID
			all[id] += f.Amount
			if f.Counted() {
				counted[id] += f.Amount
			}
		}
		rows, total, err := db.InvestProjects(ctx, store.InvestProjectFilter{County: "620101", TalksCounty: "*", Limit: 200})
		if err != nil || total == 0 || len(rows) != total {
			t.Fatalf("%d of %d rows, %v", len(rows), total, err)
		}
		for _, r := range rows {
			if r.Counted != counted[r.ID] || r.All != all[r.ID] {
				t.Errorf("%s: counted %v all %v, want %v and %v", r.ID, r.Counted, r.All, counted[r.ID], all[r.ID])
			}
		}
	})
}
